package org.engagementledger.sample.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.engagementledger.api.privacy.DataSubjectErasure;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.audit.Timeline;
import org.engagementledger.sample.SampleApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every engagement command over HTTP, sent as the signed-in user (the ledger's {@code ActorProvider} reads
 * Spring Security's context on this thread; the body never names the actor). The body is the command record in
 * the ledger's JSON form; for commands on an existing engagement the id comes from the path.
 *
 * <p>Only JSON bodies are accepted ({@code Content-Type: application/json}): a cross-site HTML form cannot send
 * one, and a cross-site script cannot without a CORS pre-flight, which this application never grants.
 */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication
class CommandController {

    private final EngagementLedger ledger;
    private final ObjectMapper json;

    CommandController(EngagementLedger ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    /** The command catalogue: every command's name, path and fields. */
    @GetMapping("/commands")
    List<Map<String, Object>> catalogue() {
        return CommandCatalogue.ENTRIES.stream().map(entry -> {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("name", entry.name());
            described.put("method", "POST");
            described.put("path", entry.path());
            described.put("fields", entry.fields().stream()
                    .filter(f -> !(f.name().equals("engagementId") && entry.type() != CommissionEngagement.class)).toList());
            return described;
        }).toList();
    }

    /** Commissions a new engagement: the body is a {@code CommissionEngagement} with its {@code engagementId}. */
    @PostMapping(path = "/engagements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> commission(@RequestBody JsonNode body, Authentication user) {
        CommissionEngagement command = bind(body, CommissionEngagement.class);
        if (command.engagementId() != null && ledger.exists(command.engagementId())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "engagement-exists", "The engagement already exists",
                    "engagement " + command.engagementId() + " is already recorded; choose another engagementId", List.of());
        }
        Map<String, Object> result = send(command, "commission-engagement", user);
        return ResponseEntity.created(URI.create("/api/engagements/" + command.engagementId().value())).body(result);
    }

    /** Sends the named command to the engagement in the path, e.g. {@code POST /api/engagements/NV-2026-014/commands/log-time}. */
    @PostMapping(path = "/engagements/{id}/commands/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> command(@PathVariable String id, @PathVariable String name, @RequestBody JsonNode body, Authentication user) {
        CommandCatalogue.Entry entry = CommandCatalogue.find(name)
                .filter(e -> e.type() != CommissionEngagement.class)
                .orElseThrow(() -> ApiProblem.notFound("unknown-command", "no command '" + name + "'; commands are "
                        + CommandCatalogue.names() + " (commission-engagement is POST /api/engagements)"));
        EngagementId engagementId = QueryController.engagementId(id);
        if (!(body instanceof ObjectNode object)) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("(body)", "must be a JSON object")));
        }
        JsonNode given = object.get("engagementId");
        if (given != null && !given.isNull() && !id.equals(given.asText())) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("engagementId",
                    "must be the engagement in the path ('" + id + "') or left out, was '" + given.asText() + "'")));
        }
        ObjectNode withId = object.deepCopy();
        withId.put("engagementId", engagementId.value());
        return send(bind(withId, entry.type()), entry.name(), user);
    }

    /** The body of an erasure request: the GDPR article 17(1) ground, e.g. {@code {"ground":"CONSENT_WITHDRAWN"}}. */
    record ErasureRequest(ErasureGround ground) {
    }

    /**
     * Erases a data subject's personal data from every engagement (see {@code docs/personal-data.md}), as the
     * signed-in agency official, e.g. {@code POST /api/data-subjects/citizen-0042/erasure}.
     */
    @PostMapping(path = "/data-subjects/{subject}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    DataSubjectErasure erase(@PathVariable String subject, @RequestBody JsonNode body, Authentication user) {
        DataSubjectId subjectId;
        try {
            subjectId = DataSubjectId.of(subject);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("subject", e.getMessage())));
        }
        ErasureRequest request = bind(body, ErasureRequest.class);
        if (request.ground() == null) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("ground", "must not be null; one of "
                    + List.of(ErasureGround.values()))));
        }
        Actor actor = SampleApplication.actorOf(user).orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not-permitted",
                "Not a ledger user", "the signed-in user acts for no organisation in the ledger", List.of()));
        return ledger.eraseDataSubject(subjectId, request.ground(), actor);
    }

    private Map<String, Object> send(EngagementCommand command, String name, Authentication user) {
        long before = lastSequence(command.engagementId());
        ledger.send(command); // the actor is the signed-in user, through the ActorProvider
        Actor actor = SampleApplication.actorOf(user).orElse(null);
        List<Timeline.Entry> recorded = ledger.timeline(command.engagementId()).entries().stream()
                .filter(e -> e.sequence() > before).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("engagementId", command.engagementId());
        result.put("command", name);
        result.put("actor", actor);
        result.put("recorded", recorded);
        return result;
    }

    private long lastSequence(EngagementId id) {
        if (id == null) {
            return -1;
        }
        List<EngagementLedger.RecordedEvent> history = ledger.history(id);
        return history.isEmpty() ? -1 : history.get(history.size() - 1).sequence();
    }

    private <C> C bind(JsonNode body, Class<C> type) {
        if (!(body instanceof ObjectNode)) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("(body)", "must be a JSON object")));
        }
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw ApiProblems.unreadable(e);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.unreadable(e.getCause() != null ? e.getCause() : e);
        }
    }
}
