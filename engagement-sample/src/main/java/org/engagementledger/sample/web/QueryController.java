package org.engagementledger.sample.web;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.query.AgencyPortfolio;
import org.engagementledger.api.query.CostLedger;
import org.engagementledger.api.query.EngagementSummary;
import org.engagementledger.api.query.RequirementTrace;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.Timeline;
import org.engagementledger.integrity.VerificationReport;
import org.engagementledger.ocds.OcdsExport;
import org.engagementledger.ocds.OcdsFormat;
import org.engagementledger.ocds.OcdsOptions;
import org.engagementledger.report.AuditReport;
import org.engagementledger.sample.EngagementVerification;
import org.engagementledger.sample.SampleApplication;
import org.engagementledger.sample.scenario.Cast;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every query over HTTP: the read models (list, summary, requirements, costs, portfolio), the replay
 * (timeline, state now or at an instant or sequence), the audit with its verification, and the exports (HTML
 * report, OCDS). Read-model answers first wait, briefly, until the read models have caught up with every
 * command stored so far, so a client reads its own writes.
 */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication
class QueryController {

    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);

    private final EngagementLedger ledger;
    private final DataSource dataSource;

    QueryController(EngagementLedger ledger, DataSource dataSource) {
        this.ledger = ledger;
        this.dataSource = dataSource;
    }

    /** Who is signed in, as which actor; and the CSRF token a browser session needs to write. */
    @GetMapping("/me")
    Map<String, Object> me(Authentication user, CsrfToken csrf) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", user.getName());
        me.put("actor", SampleApplication.actorOf(user).orElse(null));
        me.put("description", Cast.user(user.getName()).map(Cast.DemoUser::description).orElse(null));
        if (csrf != null) {
            me.put("csrf", Map.of("headerName", csrf.getHeaderName(), "parameterName", csrf.getParameterName(), "token", csrf.getToken()));
        }
        return me;
    }

    @GetMapping("/engagements")
    List<EngagementSummary> engagements() {
        ledger.awaitReadModels(READ_MODEL_WAIT);
        return ledger.summaries();
    }

    @GetMapping("/engagements/{id}")
    EngagementSummary summary(@PathVariable String id) {
        return fromReadModels(id, ledger::summary);
    }

    @GetMapping("/engagements/{id}/timeline")
    Timeline timeline(@PathVariable String id) {
        return ledger.timeline(existing(id));
    }

    /** The state now, or as it stood at {@code asOf} (an ISO-8601 instant, inclusive) or after event {@code seq}. */
    @GetMapping("/engagements/{id}/state")
    EngagementState state(@PathVariable String id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                          @RequestParam(required = false) Long seq) {
        EngagementId engagementId = existing(id);
        if (asOf != null && seq != null) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("asOf", "give asOf or seq, not both")));
        }
        EngagementHistory history = ledger.auditHistory(engagementId);
        return asOf != null ? EngagementState.asOf(history, asOf) : seq != null ? EngagementState.afterSequence(history, seq) : history.state();
    }

    @GetMapping("/engagements/{id}/requirements")
    RequirementTrace requirements(@PathVariable String id) {
        return fromReadModels(id, ledger::requirementTrace);
    }

    @GetMapping("/engagements/{id}/costs")
    CostLedger costs(@PathVariable String id) {
        return fromReadModels(id, ledger::costLedger);
    }

    /** The twelve answers and the red flags, with question 12 answered by recomputing the engagement's hash chain. */
    @GetMapping("/engagements/{id}/audit")
    EngagementAudit audit(@PathVariable String id) {
        EngagementId engagementId = existing(id);
        ledger.awaitReadModels(READ_MODEL_WAIT); // the buyer's other engagements, for repeat engagements
        return ledger.audit(engagementId, EngagementVerification.status(dataSource, engagementId));
    }

    /** The verifier's report for this engagement's stored rows. */
    @GetMapping(path = "/engagements/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    String verification(@PathVariable String id) {
        VerificationReport report = EngagementVerification.report(dataSource, existing(id));
        return report.toJson();
    }

    /** The self-contained HTML audit report. */
    @GetMapping(path = "/engagements/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
    String report(@PathVariable String id) {
        EngagementId engagementId = existing(id);
        ledger.awaitReadModels(READ_MODEL_WAIT);
        EngagementAudit audit = ledger.audit(engagementId, EngagementVerification.status(dataSource, engagementId));
        return AuditReport.create().render(ledger.auditHistory(engagementId), audit);
    }

    /** OCDS 1.1: {@code releases} (a release package, one release per meaningful change) or {@code record} (a record package). */
    @GetMapping(path = "/engagements/{id}/ocds/{document}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> ocds(@PathVariable String id, @PathVariable String document) {
        OcdsFormat format = switch (document) {
            case "releases" -> OcdsFormat.RELEASE_PACKAGE;
            case "record" -> OcdsFormat.RECORD_PACKAGE;
            default -> throw ApiProblem.notFound("unknown-ocds-document", "OCDS documents are 'releases' (release package) and "
                    + "'record' (record package), not '" + document + "'");
        };
        return ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"" + id + "." + document + ".json\"")
                .body(new OcdsExport(OcdsOptions.defaults()).export(ledger.auditHistory(existing(id)), format));
    }

    /** The buyer's spend per supplier, open engagements, and repeat engagements of one supplier for one capability. */
    @GetMapping("/agencies/{buyerId}/portfolio")
    AgencyPortfolio portfolio(@PathVariable String buyerId) {
        ledger.awaitReadModels(READ_MODEL_WAIT);
        return ledger.portfolio(buyerId);
    }

    private EngagementId existing(String id) {
        EngagementId engagementId = engagementId(id);
        if (!ledger.exists(engagementId)) {
            throw unknown(id);
        }
        return engagementId;
    }

    /** A read model's view of an existing engagement, once the read models have caught up with the latest commands. */
    private <T> T fromReadModels(String id, Function<EngagementId, Optional<T>> query) {
        EngagementId engagementId = existing(id);
        ledger.awaitReadModels(READ_MODEL_WAIT);
        return query.apply(engagementId).orElseThrow(() -> unknown(id));
    }

    static EngagementId engagementId(String id) {
        try {
            return EngagementId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "The request is not valid", e.getMessage(),
                    List.of(new ApiProblem.FieldError("engagementId", e.getMessage())));
        }
    }

    private static ApiProblem unknown(String id) {
        return ApiProblem.notFound("engagement-not-found", "no engagement '" + id + "' in this ledger");
    }
}
