package org.engagementledger.sample.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.sample.SampleApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API of {@code serve}, over real HTTP on 127.0.0.1 against the whole sample application (security,
 * ledger auto-configuration, H2): a full engagement driven as the demo users, and every kind of refusal, each
 * answered with a problem detail and storing nothing. Each test uses its own engagement, so they share one
 * application.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rest-api-test;DB_CLOSE_DELAY=-1",
        "server.address=127.0.0.1"})
class RestApiTest {

    static final String BUYER = "northvale-buyer";
    static final String STAFF = "northvale-staff";
    static final String CONSULTANT = "brightpath-consultant";
    static final String OTHER_CONSULTANT = "meridian-consultant";
    static final String AUDITOR = "auditor";

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void anEngagementRunsFromCommissionToCompletionWithTheSignedInUserAsTheActorOfEveryCommand() {
        String id = "API-FULL-001";
        HttpApi.Response commissioned = api.post("/api/engagements", BUYER, commission(id, "10000.00"));
        assertEquals(201, commissioned.status(), commissioned.toString());
        assertEquals("/api/engagements/" + id, commissioned.header("Location"));
        assertEquals(BUYER, commissioned.json().path("recorded").path(0).path("actor").path("id").asText());
        assertEquals("AGENCY_BUYER", commissioned.json().path("actor").path("role").asText());

        ok(id, STAFF, "add-requirement", """
                {"requirementId":"REQ-1","outcome":"Caseworkers see ranked vacancies","acceptanceCriteria":["Ranking within one day"],
                 "verificationMethod":"Pilot","statedBy":"FRONTLINE_STAFF"}""");
        ok(id, STAFF, "define-capability-target", """
                {"targetId":"CAP-1","capability":"Model operation","recipientTeam":"Analytics team","baselineLevel":1,"targetLevel":3}""");
        ok(id, BUYER, "schedule-milestone", """
                {"milestoneId":"MS-1","title":"Pilot live","dueDate":"2026-04-30"}""");
        ok(id, STAFF, "record-rights-holder-impact", """
                {"group":"Young job seekers","rightsEngaged":["Right to work"],"participation":"Citizen panel","assessment":"NO_RISK_FOUND",
                 "assessmentNote":null,"remedyChannel":"Ombudsman"}""");
        ok(id, BUYER, "activate-engagement", """
                {"contractSigned":"2026-02-09"}""");
        ok(id, CONSULTANT, "log-time", """
                {"person":"Consultant A","personRole":"Data scientist","date":"2026-02-16","hours":"7.5",
                 "hourlyRate":{"amount":"120.00","currency":"EUR"},"category":"DELIVERY","requirementId":"REQ-1","description":"Model design"}""");
        ok(id, CONSULTANT, "record-expense", """
                {"date":"2026-02-17","amount":{"amount":"100.00","currency":"EUR"},"category":"DELIVERY","description":"Panel venue"}""");
        ok(id, CONSULTANT, "record-transfer-activity", """
                {"targetId":"CAP-1","kind":"WORKSHOP","date":"2026-02-18","hours":"3","participants":4,"description":"Walk-through"}""");
        ok(id, CONSULTANT, "submit-fulfilment", """
                {"requirementId":"REQ-1","evidence":"Pilot report"}""");
        ok(id, STAFF, "accept-fulfilment", """
                {"requirementId":"REQ-1","assessment":"Criterion met"}""");
        ok(id, CONSULTANT, "register-invoice", """
                {"invoiceId":"INV-1","issued":"2026-03-01","amount":{"amount":"1000.00","currency":"EUR"},"billedRequirements":["REQ-1"]}""");
        ok(id, BUYER, "dispute-invoice", """
                {"invoiceId":"INV-1","reason":"Timesheet missing"}""");
        ok(id, BUYER, "accept-invoice", """
                {"invoiceId":"INV-1"}""");
        ok(id, STAFF, "record-feedback", """
                {"feedbackId":"FB-1","source":"FRONTLINE_STAFF","observation":"Part-time availability is ignored","linkedRequirement":"REQ-1",
                 "givenBy":"caseworker-api-01"}""");
        ok(id, STAFF, "respond-to-feedback", """
                {"feedbackId":"FB-1","response":"Added to release 2","decision":"Pilot extended"}""");
        ok(id, BUYER, "record-decision", """
                {"subject":"Extend the pilot","rationale":"Frontline feedback","decidedOn":"2026-03-02"}""");
        ok(id, CONSULTANT, "declare-conflict-of-interest", """
                {"declarant":"Consultant B","nature":"POTENTIAL","description":"Partner works in the unit","mitigation":"Excluded from acceptance",
                 "timing":"DISCOVERED_LATER"}""");
        ok(id, BUYER, "amend-ceiling", """
                {"newCeiling":{"amount":"11000.00","currency":"EUR"},"rationale":"Two more panel sessions","requestedBy":"Team lead"}""");
        ok(id, STAFF, "assess-capability", """
                {"targetId":"CAP-1","level":3,"evidence":"Retrained unaided"}""");
        ok(id, STAFF, "record-milestone-outcome", """
                {"milestoneId":"MS-1","status":"MET","dateMet":"2026-04-28","note":"On time"}""");
        ok(id, BUYER, "complete-engagement", """
                {"evaluation":{"outcomesAgainstTargets":"Target met","benefitsRealised":"Faster matching",
                 "costsAvoided":{"amount":"5000.00","currency":"EUR"},"supplierPerformance":"Good","agencyCanContinueAlone":true,
                 "lessonsLearned":"Start the panel early"}}""");
        ok(id, AUDITOR, "add-auditor-note", """
                {"note":"Reviewed"}""");

        JsonNode list = get("/api/engagements", AUDITOR);
        JsonNode listed = find(list, "engagementId", id);
        assertEquals("COMPLETED", listed.path("status").asText());
        assertEquals("1000.00", listed.path("committed").path("amount").asText());
        assertEquals("11000.00", listed.path("ceiling").path("amount").asText());

        JsonNode timeline = get("/api/engagements/" + id + "/timeline", AUDITOR).path("entries");
        assertEquals(23, timeline.size());
        assertEquals(List.of(BUYER, STAFF, STAFF, BUYER, STAFF, BUYER, CONSULTANT, CONSULTANT, CONSULTANT, CONSULTANT, STAFF, CONSULTANT,
                BUYER, BUYER, STAFF, STAFF, BUYER, CONSULTANT, BUYER, STAFF, STAFF, BUYER, AUDITOR), texts(timeline, "actor", "id"));
        assertEquals("brightpath-consulting", timeline.path(6).path("actor").path("organisation").asText());

        JsonNode audit = get("/api/engagements/" + id + "/audit", AUDITOR);
        assertEquals(12, audit.path("answers").size());
        assertEquals("INTACT", audit.path("verification").path("outcome").asText());
        assertEquals(List.of("CONFLICT_DECLARED_AFTER_AWARD"), texts(audit.path("redFlags"), "code"));

        assertEquals("ACCEPTED", get("/api/engagements/" + id + "/requirements", AUDITOR).path("requirements").path(0).path("status").asText());
        assertEquals("1000.00", get("/api/engagements/" + id + "/costs", AUDITOR).path("total").path("amount").asText(""),
                "cost ledger total");
        assertEquals("COMMISSIONED", get("/api/engagements/" + id + "/state?seq=0", AUDITOR).path("status").asText());
        assertTrue(get("/api/engagements/" + id + "/verification", AUDITOR).path("intact").asBoolean(), "verification report");
        assertTrue(get("/api/engagements/" + id + "/ocds/record", AUDITOR).path("records").path(0).has("compiledRelease"));
        assertEquals("ocds-api-full-001", get("/api/engagements/" + id + "/ocds/releases", AUDITOR).path("releases").path(0).path("ocid").asText());
        HttpApi.Response report = api.get("/api/engagements/" + id + "/report", AUDITOR);
        assertEquals(200, report.status());
        assertTrue(report.text().contains("data-question=\"12\"") && report.text().contains("id=\"chart-cost\""), "the HTML report");
        assertTrue(get("/api/agencies/municipality-northvale/portfolio", AUDITOR).path("spendPerSupplier").size() >= 1);
    }

    @Test
    void aCommandWithInvalidFieldsIsRefusedWithAProblemNamingEachFieldAndRuleAndStoresNothing() {
        String id = active("API-SHAPE-001");
        int before = events(id);

        HttpApi.Response refused = api.post("/api/engagements/" + id + "/commands/log-time", CONSULTANT, """
                {"personRole":"Data scientist","date":"2026-02-16","hours":"30","hourlyRate":{"amount":"120.00","currency":"EUR"},
                 "category":"DELIVERY"}""");

        assertProblem(refused, 400, "validation");
        assertEquals(List.of("hours", "person"), texts(refused.json().path("errors"), "field"));
        assertEquals("must be less than or equal to 24", refused.json().path("errors").path(0).path("message").asText());
        assertEquals(before, events(id));
    }

    @Test
    void anAmountWithMoreDecimalsThanItsCurrencyIsRefusedNamingTheFieldAndStoresNothing() {
        String id = active("API-SHAPE-002");
        int before = events(id);

        HttpApi.Response refused = api.post("/api/engagements/" + id + "/commands/record-expense", CONSULTANT, """
                {"date":"2026-02-17","amount":{"amount":"10.005","currency":"EUR"},"category":"DELIVERY","description":"Taxi"}""");

        assertProblem(refused, 400, "validation");
        assertEquals("amount", refused.json().path("errors").path(0).path("field").asText());
        assertTrue(refused.json().path("errors").path(0).path("message").asText().contains("more decimals than EUR allows"), refused.text());
        assertEquals(before, events(id));
    }

    @Test
    void aMisspeltFieldOrAnUnknownEnumValueIsNamedRatherThanIgnored() {
        String id = active("API-SHAPE-003");
        HttpApi.Response misspelt = api.post("/api/engagements/" + id + "/commands/record-decision", BUYER, """
                {"subjct":"x","rationale":"y","decidedOn":"2026-03-01"}""");
        assertProblem(misspelt, 400, "validation");
        assertEquals("subjct", misspelt.json().path("errors").path(0).path("field").asText());

        HttpApi.Response badEnum = api.post("/api/engagements/" + id + "/commands/record-expense", CONSULTANT, """
                {"date":"2026-02-17","amount":{"amount":"10.00","currency":"EUR"},"category":"LUNCH","description":"Taxi"}""");
        assertProblem(badEnum, 400, "validation");
        assertEquals("category", badEnum.json().path("errors").path(0).path("field").asText());
        assertTrue(badEnum.json().path("errors").path(0).path("message").asText().contains("DELIVERY"), badEnum.text());
    }

    @Test
    void aUserWhoseRoleMayNotSendTheCommandIsRefusedWith403AndNothingIsStored() {
        String id = active("API-ROLE-001");
        int before = events(id);

        HttpApi.Response refused = api.post("/api/engagements/" + id + "/commands/amend-ceiling", CONSULTANT, """
                {"newCeiling":{"amount":"20000.00","currency":"EUR"},"rationale":"More work","requestedBy":"Consultant"}""");

        assertProblem(refused, 403, "not-permitted");
        assertTrue(refused.json().path("detail").asText().contains("CONSULTANT may not amend the ceiling"), refused.text());
        assertEquals(before, events(id));
    }

    @Test
    void aConsultantOfAnotherSupplierIsRefusedWith403AndNothingIsStored() {
        String id = active("API-ROLE-002");
        int before = events(id);

        HttpApi.Response refused = api.post("/api/engagements/" + id + "/commands/log-time", OTHER_CONSULTANT, logTime("8", "100.00"));

        assertProblem(refused, 403, "not-permitted");
        assertTrue(refused.json().path("detail").asText().contains("must act for 'brightpath-consulting'"), refused.text());
        assertEquals(before, events(id));
    }

    @Test
    void timeBeyondTheCeilingIsRefusedWith422NamingCeilingCommittedAndAttemptedAndNothingIsStored() {
        String id = active("API-CEILING-001");
        ok(id, CONSULTANT, "log-time", logTime("8", "1000.00"));
        int before = events(id);

        HttpApi.Response refused = api.post("/api/engagements/" + id + "/commands/log-time", CONSULTANT, logTime("8", "300.00"));

        assertProblem(refused, 422, "ceiling-exceeded");
        JsonNode problem = refused.json();
        assertEquals("10000.00", problem.path("ceiling").path("amount").asText());
        assertEquals("8000.00", problem.path("committed").path("amount").asText());
        assertEquals("2400.00", problem.path("attempted").path("amount").asText());
        assertEquals(before, events(id));
        assertEquals("8000.00", find(get("/api/engagements", AUDITOR), "engagementId", id).path("committed").path("amount").asText());
    }

    @Test
    void aCommandTheEngagementsStateDoesNotAllowIsAConflict() {
        String id = active("API-STATE-001");
        HttpApi.Response refused = api.post("/api/engagements/" + id + "/commands/activate-engagement", BUYER, """
                {"contractSigned":"2026-02-10"}""");
        assertProblem(refused, 409, "invalid-state");
    }

    @Test
    void writesWithoutSigningInAreRefusedWith401AndStoreNothing() {
        HttpApi.Response anonymous = api.post("/api/engagements", null, commission("API-ANON-001", "10000.00"));
        assertProblem(anonymous, 401, "authentication-required");
        assertNotNull(anonymous.header("WWW-Authenticate"));
        assertNull(anonymous.header("Set-Cookie"), "no session for a refused API call");

        HttpRequest wrongPassword = api.request("/api/engagements", null)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("auditor:wrong".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        assertEquals(401, api.send(wrongPassword).status());
        assertEquals(404, api.get("/api/engagements/API-ANON-001", AUDITOR).status(), "nothing was stored");
    }

    @Test
    void aBrowserSessionMustSendTheCsrfTokenToWriteButBasicClientsNeedNone() {
        String id = active("API-CSRF-001");
        String session = signIn(BUYER);
        int before = events(id);
        String decision = """
                {"subject":"Keep the pilot","rationale":"It works","decidedOn":"2026-03-01"}""";

        HttpApi.Response withoutToken = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/engagements/" + id + "/commands/record-decision"))
                .header("Cookie", session).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(decision)).build());
        assertProblem(withoutToken, 403, "csrf-token-required");
        assertEquals(before, events(id));

        JsonNode me = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/me")).header("Cookie", session).GET().build()).json();
        assertEquals(BUYER, me.path("actor").path("id").asText());
        HttpApi.Response withToken = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/engagements/" + id + "/commands/record-decision"))
                .header("Cookie", session).header("Content-Type", "application/json")
                .header(me.path("csrf").path("headerName").asText(), me.path("csrf").path("token").asText())
                .POST(HttpRequest.BodyPublishers.ofString(decision)).build());
        assertEquals(200, withToken.status(), withToken.toString());
        assertEquals(BUYER, withToken.json().path("recorded").path(0).path("actor").path("id").asText());
        assertEquals(before + 1, events(id));
    }

    @Test
    void onlyJsonBodiesAreAcceptedSoThatACrossSiteFormCannotWrite() {
        String id = active("API-FORM-001");
        int before = events(id);
        HttpApi.Response form = api.send(api.request("/api/engagements/" + id + "/commands/record-decision", BUYER)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("subject=x&rationale=y&decidedOn=2026-03-01")).build());
        assertEquals(415, form.status(), form.toString());
        assertEquals(before, events(id));
    }

    @Test
    void unknownEngagementsAndCommandsAreNotFoundAndATakenIdIsAConflict() {
        assertProblem(api.get("/api/engagements/NO-SUCH-ID", AUDITOR), 404, "engagement-not-found");
        assertProblem(api.post("/api/engagements/NO-SUCH-ID/commands/log-time", CONSULTANT, logTime("1", "10.00")), 404, "engagement-not-found");
        String id = active("API-NOTFOUND-001");
        HttpApi.Response unknownCommand = api.post("/api/engagements/" + id + "/commands/pay-me", CONSULTANT, "{}");
        assertProblem(unknownCommand, 404, "unknown-command");
        assertTrue(unknownCommand.json().path("detail").asText().contains("log-time"), unknownCommand.text());
        assertProblem(api.post("/api/engagements", BUYER, commission(id, "5000.00")), 409, "engagement-exists");
        assertProblem(api.get("/api/engagements/" + URLEncoder.encode("bad id!", StandardCharsets.UTF_8) + "/timeline", AUDITOR), 400, "validation");
    }

    @Test
    void theCommandCatalogueOffersEveryCommandOfTheLedgerWithItsFields() {
        JsonNode catalogue = get("/api/commands", AUDITOR);
        assertEquals(EngagementCommand.class.getPermittedSubclasses().length, catalogue.size());
        JsonNode logTime = find(catalogue, "name", "log-time");
        assertEquals("/api/engagements/{id}/commands/log-time", logTime.path("path").asText());
        assertTrue(texts(logTime.path("fields"), "name").containsAll(List.of("person", "hours", "hourlyRate", "category")));
        assertEquals("/api/engagements", find(catalogue, "name", "commission-engagement").path("path").asText());
    }

    // ---- helpers

    private String active(String id) {
        HttpApi.Response commissioned = api.post("/api/engagements", BUYER, commission(id, "10000.00"));
        assertEquals(201, commissioned.status(), commissioned.toString());
        ok(id, BUYER, "activate-engagement", """
                {"contractSigned":"2026-02-09"}""");
        return id;
    }

    @Test
    void anAgencyOfficialErasesACitizenOverHttpAndEveryLaterReadShowsTheReplacement() {
        String id = "API-ERASE-001";
        assertEquals(201, api.post("/api/engagements", BUYER, commission(id, "10000.00")).status());
        ok(id, STAFF, "record-feedback", """
                {"feedbackId":"FB-1","source":"RIGHTS_HOLDER","observation":"Robin Example could not reach the jobs offered",
                 "givenBy":"citizen-api-0001","givenByName":"Robin Example","givenByContact":"robin@example.org"}""");

        HttpApi.Response refused = api.post("/api/data-subjects/citizen-api-0001/erasure", CONSULTANT, """
                {"ground":"CONSENT_WITHDRAWN"}""");
        HttpApi.Response erased = api.post("/api/data-subjects/citizen-api-0001/erasure", BUYER, """
                {"ground":"CONSENT_WITHDRAWN"}""");

        assertEquals(403, refused.status(), refused.toString());
        assertEquals(200, erased.status(), erased.toString());
        assertEquals(id, erased.json().path("engagements").path(0).asText(), erased.toString());
        String timeline = get("/api/engagements/" + id + "/timeline", AUDITOR).toString();
        assertTrue(timeline.contains("[personal data erased]"), timeline);
        assertTrue(!timeline.contains("Robin Example") && !timeline.contains("robin@example.org"), timeline);
    }

    @Test
    void anErasureWithoutAGroundIsAProblemNamingTheField() {
        HttpApi.Response response = api.post("/api/data-subjects/citizen-api-0002/erasure", BUYER, "{}");

        assertEquals(400, response.status(), response.toString());
        assertEquals("ground", response.json().path("errors").path(0).path("field").asText(), response.toString());
    }

    private void ok(String id, String user, String command, String body) {
        HttpApi.Response response = api.post("/api/engagements/" + id + "/commands/" + command, user, body);
        assertEquals(200, response.status(), command + " as " + user + ": " + response);
        assertEquals(user, response.json().path("recorded").path(0).path("actor").path("id").asText(), command);
    }

    private int events(String id) {
        return get("/api/engagements/" + id + "/timeline", AUDITOR).path("entries").size();
    }

    private JsonNode get(String path, String user) {
        HttpApi.Response response = api.get(path, user);
        assertEquals(200, response.status(), path + ": " + response);
        return response.json();
    }

    /** Signs in through the dashboard's form, as a browser does; returns the session cookie. */
    private String signIn(String user) {
        HttpApi.Response page = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login")).GET().build());
        String cookie = page.header("Set-Cookie").split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.text());
        assertTrue(token.find(), page.text());
        HttpApi.Response signedIn = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf=" + token.group(1))).build());
        assertEquals(302, signedIn.status(), signedIn.toString());
        assertEquals(api.base() + "/", signedIn.header("Location"));
        String renewed = signedIn.header("Set-Cookie");
        return renewed != null ? renewed.split(";")[0] : cookie;
    }

    private static void assertProblem(HttpApi.Response response, int status, String rule) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.header("Content-Type"));
        JsonNode problem = response.json();
        assertEquals(status, problem.path("status").asInt());
        assertEquals(rule, problem.path("rule").asText(), response.text());
        assertEquals("urn:engagement-ledger:problem:" + rule, problem.path("type").asText());
        assertTrue(problem.path("detail").asText().length() > 10, "a detail that says what went wrong: " + response.text());
    }

    private static String commission(String id, String ceiling) {
        return """
                {"engagementId":"%s","buyer":{"id":"municipality-northvale","name":"Municipality of Northvale"},"buyerUnit":"Employment Services",
                 "supplier":{"id":"brightpath-consulting","name":"BrightPath Consulting"},"title":"Youth job matching, API test",
                 "problem":"Long waits for a first match","intendedOutcome":"Half matched within six weeks","reason":"SPECIALISED_SKILLS",
                 "coreWork":false,"coreWorkJustification":null,
                 "inHouseAlternative":{"description":"Two analysts for a year","estimatedCost":{"amount":"90000.00","currency":"EUR"}},
                 "rightsHolderGroups":["Young job seekers"],"ceiling":{"amount":"%s","currency":"EUR"},
                 "period":{"start":"2026-02-01","end":"2026-11-30"},"procurementReference":"ocds-%s"}""".formatted(id, ceiling, id.toLowerCase());
    }

    private static String logTime(String hours, String rate) {
        return """
                {"person":"Consultant A","personRole":"Data scientist","date":"2026-02-16","hours":"%s",
                 "hourlyRate":{"amount":"%s","currency":"EUR"},"category":"DELIVERY"}""".formatted(hours, rate);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static List<String> texts(JsonNode array, String... path) {
        List<String> values = new ArrayList<>();
        for (JsonNode node : array) {
            JsonNode value = node;
            for (String step : path) {
                value = value.path(step);
            }
            values.add(value.asText());
        }
        return values;
    }
}
