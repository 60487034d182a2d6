package org.engagementledger.report;

import org.engagementledger.api.engagement.CeilingAmended;
import org.engagementledger.api.engagement.EngagementCommissioned;
import org.engagementledger.api.engagement.ExpenseRecorded;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.audit.AuditAnswer;
import org.engagementledger.audit.AuditInputs;
import org.engagementledger.audit.AuditQuestion;
import org.engagementledger.audit.AuditedEvent;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.EngagementState.CapabilityTarget;
import org.engagementledger.audit.EngagementState.CostPoint;
import org.engagementledger.audit.RedFlag;
import org.engagementledger.audit.RedFlagCode;
import org.engagementledger.audit.Timeline;
import org.engagementledger.audit.VerificationStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.engagementledger.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's HTML, parsed with jsoup: content, charts, escaping, self-containment and well-formedness. */
class AuditReportTest {

    private static final EngagementHistory TROUBLED = troubled();
    private static final EngagementAudit TROUBLED_AUDIT = troubledAudit(findings());
    private static final String TROUBLED_HTML = REPORT.render(TROUBLED, TROUBLED_AUDIT);
    private static final Document TROUBLED_DOC = Jsoup.parse(TROUBLED_HTML);

    private static final EngagementHistory REALISTIC = realistic();
    private static final String REALISTIC_HTML = REPORT.render(REALISTIC, AuditInputs.none().withVerification(intact()));
    private static final Document REALISTIC_DOC = Jsoup.parse(REALISTIC_HTML);

    private static final EngagementHistory HOSTILE_HISTORY = hostile();
    private static final String HOSTILE_HTML = REPORT.render(HOSTILE_HISTORY, AuditInputs.none());
    private static final Document HOSTILE_DOC = Jsoup.parse(HOSTILE_HTML);

    // ---- the twelve answers -------------------------------------------------------------------------------------

    @Test
    void allTwelveAnswersAppearInOrderWithTheirQuestionVerdictAndAnswer() {
        Elements answers = TROUBLED_DOC.select("#answers [data-question]");

        assertEquals(12, answers.size());
        for (int i = 0; i < 12; i++) {
            Element element = answers.get(i);
            AuditAnswer answer = TROUBLED_AUDIT.answers().get(i);
            assertEquals(String.valueOf(i + 1), element.attr("data-question"));
            assertEquals("q" + (i + 1), element.id());
            assertEquals(answer.verdict().name(), element.attr("data-verdict"));
            assertEquals(answer.topic().name(), element.attr("data-topic"));
            assertEquals("Question " + (i + 1) + ": " + AuditQuestion.values()[i].text(), element.selectFirst("h3.question").text());
            assertEquals(normalised(answer.answer()), element.selectFirst(".answer-text").text());
        }
    }

    @Test
    void everySupportingSequenceLinksToItsTimelineRow() {
        for (AuditAnswer answer : TROUBLED_AUDIT.answers()) {
            Element element = TROUBLED_DOC.selectFirst("[data-question=" + answer.number() + "]");
            List<String> links = element.select("a.seq-ref").eachAttr("href");
            assertEquals(answer.sequences().stream().map(s -> "#ev-" + s).toList(), links, "question " + answer.number());
            for (String link : links) {
                Element row = TROUBLED_DOC.getElementById(link.substring(1));
                assertNotNull(row, link);
                assertEquals("tr", row.tagName());
                assertNotNull(row.closest("#timeline"), link);
            }
        }
    }

    @Test
    void anAnswersRedFlagsLinkToTheFlagTable() {
        AuditAnswer cost = TROUBLED_AUDIT.answer(AuditQuestion.WHY_A_CONSULTANT);
        Element element = TROUBLED_DOC.selectFirst("[data-question=1]");

        assertEquals(cost.redFlags().stream().map(Enum::name).toList(), element.select(".flag-ref").eachText());
        String target = element.selectFirst("a.flag-ref").attr("href").substring(1);
        assertEquals("NO_IN_HOUSE_COST_COMPARISON", TROUBLED_DOC.getElementById(target).attr("data-code"));
    }

    @Test
    void scalarFactsAreListedUnderTheAnswer() {
        Element cost = REALISTIC_DOC.selectFirst("[data-question=5] dl.facts");

        assertEquals("2\u202F745.00 EUR", cost.selectFirst("[data-fact=committed] dd").text());
        assertEquals("110\u202F000.00 EUR", cost.selectFirst("[data-fact=currentCeiling] dd").text());
        assertEquals("yes", REALISTIC_DOC.selectFirst("[data-question=1] [data-fact=costComparisonRecorded] dd").text());
    }

    // ---- red flags ----------------------------------------------------------------------------------------------

    @Test
    void everyRedFlagOfTheTroubledEngagementIsListedHighestSeverityFirst() {
        Elements rows = TROUBLED_DOC.select("#red-flags tr.red-flag");
        Set<RedFlagCode> expected = TROUBLED_AUDIT.redFlags().stream().map(RedFlag::code).collect(Collectors.toSet());

        assertEquals(TROUBLED_AUDIT.redFlags().size(), rows.size());
        assertTrue(expected.size() >= 10, "the troubled scenario raises nearly every flag: " + expected);
        assertEquals(expected, rows.stream().map(r -> RedFlagCode.valueOf(r.attr("data-code"))).collect(Collectors.toSet()));
        List<String> severities = rows.eachAttr("data-severity");
        List<String> sorted = severities.stream().sorted((a, b) -> b.compareTo(a) == 0 ? 0 : rank(b) - rank(a)).toList();
        assertEquals(sorted, severities);
        for (RedFlag flag : TROUBLED_AUDIT.redFlags()) {
            Element row = rows.stream().filter(r -> r.attr("data-code").equals(flag.code().name()) && r.text().contains(normalised(flag.message())))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + flag));
            assertEquals(flag.severity().name(), row.attr("data-severity"));
            assertEquals(flag.sequences().stream().map(s -> "#ev-" + s).toList(), row.select("a.seq-ref").eachAttr("href"));
        }
    }

    private static int rank(String severity) {
        return List.of("LOW", "MEDIUM", "HIGH").indexOf(severity);
    }

    @Test
    void aCleanEngagementSaysItHasNoRedFlags() {
        assertTrue(REALISTIC_DOC.select("#red-flags tr.red-flag").isEmpty());
        assertEquals("No red flags were raised from this history.", REALISTIC_DOC.selectFirst("#red-flags p.none").text());
    }

    // ---- timeline -----------------------------------------------------------------------------------------------

    @Test
    void theTimelineHasOneRowPerEventWithTimeActorTypeAndSummary() {
        Elements rows = TROUBLED_DOC.select("#timeline tbody tr");
        Timeline timeline = TROUBLED.timeline();

        assertEquals(TROUBLED.events().size(), rows.size());
        assertEquals(String.valueOf(TROUBLED.events().size()), TROUBLED_DOC.selectFirst("#timeline table").attr("data-events"));
        for (int i = 0; i < rows.size(); i++) {
            Timeline.Entry entry = timeline.entries().get(i);
            Elements cells = rows.get(i).select("td");
            assertEquals("ev-" + entry.sequence(), rows.get(i).id());
            assertEquals(entry.timestamp().toString(), cells.get(1).selectFirst("time").attr("datetime"));
            assertEquals(entry.actor().id(), cells.get(2).selectFirst(".actor-id").text());
            assertEquals(entry.actor().role().name().toLowerCase(Locale.ROOT).replace('_', ' '), cells.get(2).selectFirst(".actor-role").text());
            assertEquals(entry.actor().organisation(), cells.get(2).selectFirst(".actor-org").text());
            assertEquals(entry.eventType(), cells.get(3).text());
            assertEquals(normalised(entry.summary()), cells.get(4).text());
        }
    }

    @Test
    void eventsBehindRedFlagsAndVerificationFindingsAreMarked() {
        assertTrue(TROUBLED_DOC.getElementById("ev-7").hasClass("affected"));
        assertTrue(TROUBLED_DOC.getElementById("ev-8").hasClass("affected"));
        assertFalse(TROUBLED_DOC.getElementById("ev-9").hasClass("affected"));
        assertTrue(TROUBLED_DOC.getElementById("ev-7").hasClass("flagged"), "invoice #7 has no accepted deliverable");
        assertTrue(REALISTIC_DOC.select("#timeline tr.flagged, #timeline tr.affected").isEmpty());
    }

    // ---- verification -------------------------------------------------------------------------------------------

    @Test
    void theVerificationStatusIsShownForEachOutcome() {
        Element findings = TROUBLED_DOC.getElementById("verification");
        assertEquals("FINDINGS", findings.attr("data-outcome"));
        assertEquals("2", findings.attr("data-findings"));
        assertEquals("Verification found 2 problems", findings.selectFirst("h2").text());
        assertTrue(findings.text().contains("HASH_MISMATCH at #7; LINK_BROKEN at #8"));
        assertEquals(List.of("#ev-7", "#ev-8"), findings.select("a.seq-ref").eachAttr("href"));

        Element intact = REALISTIC_DOC.getElementById("verification");
        assertEquals("INTACT", intact.attr("data-outcome"));
        assertEquals("History verified intact", intact.selectFirst("h2").text());

        Element notVerified = HOSTILE_DOC.getElementById("verification");
        assertEquals("NOT_VERIFIED", notVerified.attr("data-outcome"));
        assertEquals("History not verified", notVerified.selectFirst("h2").text());
    }

    @Test
    void theVerificationBannerComesRightAfterTheHeader() {
        Element body = TROUBLED_DOC.body();
        assertEquals("header", body.child(0).tagName());
        assertEquals("verification", body.child(1).id());
    }

    // ---- header -------------------------------------------------------------------------------------------------

    @Test
    void theHeaderNamesEngagementPartiesStatusPeriodAndGenerationTime() {
        Element header = REALISTIC_DOC.selectFirst("header");

        assertEquals("Redesign youth job matching", header.selectFirst("h1").text());
        assertEquals("ENG-2026-010", header.selectFirst(".engagement-id").text());
        assertEquals("COMPLETED", header.selectFirst("[data-status]").attr("data-status"));
        assertTrue(header.text().contains("Municipality of Northvale (municipality-northvale) \u2013 Employment Services"), header.text());
        assertTrue(header.text().contains("BrightPath Consulting (brightpath-consulting)"), header.text());
        assertTrue(header.text().contains("2026-01-01 to 2026-12-31"), header.text());
        assertEquals(GENERATED_AT.toString(), header.selectFirst("#generated-at").attr("datetime"));
        assertEquals("2026-11-20 08:30 UTC", header.selectFirst("#generated-at").text());
    }

    // ---- requirements -------------------------------------------------------------------------------------------

    @Test
    void theRequirementsTraceShowsVersionsWithReasonsAndFulfilmentSteps() {
        Element req1 = REALISTIC_DOC.selectFirst("#requirements [data-requirement=REQ-1]");
        Elements versions = req1.select("table.versions tbody tr");
        assertEquals(List.of("1", "2"), versions.eachAttr("data-version"));
        assertTrue(versions.get(1).text().contains("Frontline staff reported that travel time is ignored"));
        assertEquals(3, versions.get(1).select("ul.criteria li").size());
        assertEquals("employment-caseworker (agency staff, municipality-northvale)", versions.get(0).select("td").get(2).text());

        Element req2 = REALISTIC_DOC.selectFirst("#requirements [data-requirement=REQ-2]");
        assertEquals(List.of("SUBMITTED", "REJECTED", "SUBMITTED", "ACCEPTED"), req2.select("table.fulfilment tbody tr").eachAttr("data-step"));
        assertTrue(req2.text().contains("Notifications arrive after two days"));
        assertTrue(req2.text().contains("stated by frontline staff"));

        Element reqA = TROUBLED_DOC.selectFirst("#requirements [data-requirement=REQ-A]");
        assertTrue(reqA.text().contains("No acceptance criteria"));
    }

    // ---- charts -------------------------------------------------------------------------------------------------

    @Test
    void theCostChartHasOneMarkerPerCostPointAndBothLines() {
        for (EngagementHistory history : List.of(REALISTIC, TROUBLED, HOSTILE_HISTORY)) {
            Document doc = Jsoup.parse(REPORT.render(history, AuditInputs.none()));
            EngagementState state = history.state();
            Element svg = doc.selectFirst("#cost svg#chart-cost");
            assertNotNull(svg);
            assertEquals("chart-cost-title chart-cost-desc", svg.attr("aria-labelledby"));
            assertEquals("img", svg.attr("role"));
            assertFalse(svg.selectFirst("title#chart-cost-title").text().isBlank());
            assertFalse(svg.selectFirst("desc#chart-cost-desc").text().isBlank());

            List<Long> points = svg.select("circle.cost-point").eachAttr("data-sequence").stream().map(Long::valueOf).toList();
            assertEquals(state.cost().overTime().stream().map(CostPoint::sequence).toList(), points);
            List<Long> costEvents = history.events().stream()
                    .filter(e -> e.event() instanceof TimeLogged || e.event() instanceof ExpenseRecorded
                            || e.event() instanceof CeilingAmended || e.event() instanceof EngagementCommissioned)
                    .map(AuditedEvent::sequence).toList();
            assertEquals(costEvents, points, "one point per commissioning, time entry, expense and amendment");
            assertEquals(1, svg.select("path.ceiling").size());
            assertEquals(1, svg.select("path.committed").size());
            assertEquals(state.ceiling().amendments().size(), svg.select("g.ceiling-change").size());
            assertTrue(svg.select(".axis-y text.tick").size() >= 3, "amounts on the y axis");
            assertTrue(svg.select(".axis-x text.tick").size() >= 3, "dates on the x axis");
            assertEquals("Amount (EUR)", svg.selectFirst(".axis-y .axis-title").text());
        }
    }

    @Test
    void costAboveTheCeilingIsMarked() {
        Elements over = HOSTILE_DOC.select("#chart-cost circle.cost-point.over");
        assertEquals(List.of("7"), over.eachAttr("data-sequence"), "800 + 300 > 1000 until the amendment at #8");
        assertEquals("1100.00", over.first().attr("data-committed"));
        assertEquals("1000.00", over.first().attr("data-ceiling"));
    }

    @Test
    void theCostChartDescribesTheCeilingAndTheCommittedCost() {
        String desc = TROUBLED_DOC.selectFirst("#chart-cost desc").text();
        assertTrue(desc.contains("The ceiling started at 50\u202F000.00 EUR and stands at 65\u202F000.00 EUR after 1 amendment."), desc);
        assertTrue(desc.contains("Committed cost ends at 7\u202F200.00 EUR, 11.1 % of the ceiling."), desc);
    }

    @Test
    void theCapabilityChartHasOneBarGroupPerTarget() {
        EngagementState state = HOSTILE_HISTORY.state();
        Element svg = HOSTILE_DOC.selectFirst("#capability svg#chart-capability");
        assertNotNull(svg);
        assertFalse(svg.selectFirst("title").text().isBlank());
        assertFalse(svg.selectFirst("desc").text().isBlank());
        Elements groups = svg.select("g.capability-target");

        assertEquals(state.capabilityTargets().stream().map(t -> t.targetId().value()).toList(), groups.eachAttr("data-target"));
        for (int i = 0; i < groups.size(); i++) {
            CapabilityTarget target = state.capabilityTargets().get(i);
            Element group = groups.get(i);
            assertEquals(String.valueOf(target.baselineLevel()), group.selectFirst("rect[data-kind=baseline]").attr("data-level"));
            assertEquals(String.valueOf(target.targetLevel()), group.selectFirst("rect[data-kind=target]").attr("data-level"));
            assertEquals(1, group.select("rect[data-kind=assessed]").size());
        }
        assertEquals("2", groups.get(0).selectFirst("rect[data-kind=assessed]").attr("data-level"));
        assertTrue(groups.get(0).hasClass("below-target"));
        assertTrue(groups.get(1).hasClass("not-assessed"));
        assertEquals("Not assessed", groups.get(1).selectFirst(".bar-label:containsOwn(Not assessed)").text());
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), svg.select(".axis-level text.tick").eachText().subList(0, 12).stream().distinct().toList());

        Element met = REALISTIC_DOC.selectFirst("#chart-capability g.capability-target");
        assertTrue(met.hasClass("met"));
        assertEquals("3", met.selectFirst("rect.assessed.met").attr("data-level"));
    }

    @Test
    void chartsSayWhenThereIsNothingToDraw() {
        EngagementHistory bare = EngagementHistory.ofEvents(List.of(REALISTIC.events().get(0)));
        Document doc = Jsoup.parse(REPORT.render(bare, AuditInputs.none()));

        assertEquals("No capability target has been defined.", doc.selectFirst("#chart-capability text.empty").text());
        assertEquals(1, doc.select("#chart-cost circle.cost-point").size(), "the commissioning sets the ceiling");
        assertEquals(12, doc.select("[data-question]").size());
        assertEquals(1, doc.select("#timeline tbody tr").size());
    }

    // ---- escaping -----------------------------------------------------------------------------------------------

    @Test
    void aScriptInARequirementOutcomeIsShownAsTextNotRun() {
        Element requirement = HOSTILE_DOC.selectFirst("[data-requirement=REQ-X]");
        Element firstVersion = requirement.selectFirst("table.versions tbody tr[data-version=1] .outcome");

        assertEquals(SCRIPT_OUTCOME, firstVersion.text());
        assertEquals(TABLE_BREAKOUT, requirement.selectFirst("h3").ownText().strip());
        assertTrue(HOSTILE_HTML.contains("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; Letters &amp; notices &#39;explained&#39;"));
        assertTrue(HOSTILE_DOC.select("script, iframe, img, marquee, a[href^=http], link, object, embed").isEmpty());
        assertFalse(HOSTILE_HTML.toLowerCase(Locale.ROOT).contains("<script"));
        assertEquals(1, HOSTILE_DOC.select("style").size(), "only the report's own style sheet");
        assertEquals(2, HOSTILE_DOC.select("svg").size(), "only the report's own charts");
        for (Element element : HOSTILE_DOC.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on"), element.tagName() + " has " + attribute);
            }
        }
    }

    @Test
    void hostileTextReachesEverySectionAsPlainText() {
        assertEquals("<script>alert('title')</script> Letters & notices", HOSTILE_DOC.selectFirst("h1").text());
        assertTrue(HOSTILE_DOC.title().startsWith("Audit report \u2013 <script>alert('title')</script>"));
        assertEquals(SVG_BREAKOUT, HOSTILE_DOC.selectFirst("#chart-capability g.capability-target[data-target=CAP-X] text.label").text());
        assertEquals(List.of(IMG_ONERROR, "Plain criterion"),
                HOSTILE_DOC.select("[data-requirement=REQ-X] tr[data-version=2] ul.criteria li").eachText());
        assertTrue(HOSTILE_DOC.selectFirst("#cost .amendments").text().contains("<style>body{display:none}</style>"));
        assertTrue(HOSTILE_DOC.selectFirst("#timeline").text().contains("<b>assessor</b>"));
        assertTrue(HOSTILE_DOC.selectFirst("#capability table").text().contains("<a href=\"http://evil.example/\">click</a>"));
    }

    @Test
    void charactersThatCannotAppearInHtmlAreReplaced() {
        assertTrue(HOSTILE_DOC.selectFirst("[data-requirement=REQ-X] tr[data-version=2]").text().contains("bell\uFFFD nul\uFFFD end"));
        assertFalse(HOSTILE_HTML.contains("\u0000"));
        assertFalse(HOSTILE_HTML.contains("\u0007"));
    }

    @Test
    void theEscaperCoversTheFiveHtmlSpecialCharactersAndForbiddenCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;", Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"));
        assertEquals("plain text stays as it is", Html.escape("plain text stays as it is"));
        assertEquals("", Html.escape(null));
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd", Html.escape("a\u0000b\u001Bc\u0085d"));
        assertEquals("tab\tline\nreturn\r", Html.escape("tab\tline\nreturn\r"));
        assertEquals("emoji \uD83D\uDE00 kept", Html.escape("emoji \uD83D\uDE00 kept"));
        assertEquals("lone \uFFFD and \uFFFD", Html.escape("lone \uD83D and \uDE00"));
        assertEquals("\uFFFD\uFFFD", Html.escape("\uFFFE\uFFFF"));
    }

    @Test
    void idsAreSlugsAndUnique() {
        Set<String> seen = new HashSet<>();
        for (Document doc : List.of(TROUBLED_DOC, REALISTIC_DOC, HOSTILE_DOC)) {
            seen.clear();
            for (Element element : doc.select("[id]")) {
                assertTrue(element.id().matches("[A-Za-z0-9_-]+"), element.id());
                assertTrue(seen.add(element.id()), "duplicate id " + element.id());
            }
            for (String href : doc.select("a[href]").eachAttr("href")) {
                assertNotNull(doc.getElementById(href.substring(1)), "dangling link " + href);
            }
        }
    }

    // ---- a self-contained, well-formed, printable page ----------------------------------------------------------

    @Test
    void thePageLoadsNothingFromAnywhere() {
        for (Document doc : List.of(TROUBLED_DOC, REALISTIC_DOC, HOSTILE_DOC)) {
            assertTrue(doc.select("script, link, img, iframe, object, embed, audio, video, source, base, form").isEmpty());
            assertTrue(doc.select("[src], [srcset], [xlink:href], [action], [style]").isEmpty());
            for (String href : doc.select("[href]").eachAttr("href")) {
                assertTrue(href.startsWith("#"), "only links within the page: " + href);
            }
            for (Element element : doc.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    assertFalse(attribute.getValue().toLowerCase(Locale.ROOT).matches(".*(https?:|//|javascript:|data:).*")
                            && !attribute.getKey().equals("title"), element.tagName() + " " + attribute);
                }
            }
            String css = doc.selectFirst("head style").data();
            assertFalse(css.contains("url("), "no image or font loaded by the style sheet");
            assertFalse(css.contains("@import"));
            assertFalse(css.contains("@font-face"));
        }
        assertFalse(REALISTIC_HTML.contains("http"), "no address at all in a page without such data");
    }

    @Test
    void thePageIsWellFormedHtml5AndXml() throws Exception {
        for (String html : List.of(TROUBLED_HTML, REALISTIC_HTML, HOSTILE_HTML)) {
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
            Parser parser = Parser.htmlParser().setTrackErrors(50);
            Jsoup.parse(html, "", parser);
            ParseErrorList errors = parser.getErrors();
            assertTrue(errors.isEmpty(), "HTML5 parse errors: " + errors);

            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
            NodeList svgs = xml.getElementsByTagName("svg");
            assertEquals(2, svgs.getLength());
        }
    }

    @Test
    void thePagePrintsInBlackWithoutSplittingRows() {
        String css = TROUBLED_DOC.selectFirst("head style").data();
        String print = css.substring(css.indexOf("@media print"));

        assertTrue(print.contains("color: #000"));
        assertTrue(print.contains("background: none"));
        assertTrue(print.matches("(?s).*tr, [^{]*\\{ break-inside: avoid; page-break-inside: avoid; }.*"), print);
        assertTrue(print.contains("thead { display: table-header-group; }"));
        assertEquals("utf-8", TROUBLED_DOC.selectFirst("meta[charset]").attr("charset"));
    }

    // ---- API ----------------------------------------------------------------------------------------------------

    @Test
    void renderingIsReproducibleWithAFixedClock() {
        assertEquals(TROUBLED_HTML, REPORT.render(TROUBLED, TROUBLED_AUDIT));
        assertEquals(TROUBLED_HTML, REPORT.render(TROUBLED, TROUBLED_AUDIT, TROUBLED.state(), TROUBLED_AUDIT.verification()));
        assertEquals(TROUBLED_HTML, REPORT.render(TROUBLED, troubledInputs(findings())));
    }

    @Test
    void aMissingVerificationReadsAsNotVerified() {
        Document doc = Jsoup.parse(REPORT.render(TROUBLED, TROUBLED_AUDIT, TROUBLED.state(), null));
        assertEquals("NOT_VERIFIED", doc.getElementById("verification").attr("data-outcome"));
    }

    @Test
    void partsOfDifferentEngagementsAreRefused() {
        EngagementAudit other = EngagementAudit.of(REALISTIC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> REPORT.render(TROUBLED, other, TROUBLED.state(), VerificationStatus.notVerified("none")));
        assertTrue(e.getMessage().contains("ENG-2026-020"), e.getMessage());
    }

    @Test
    void writeStoresTheSamePageAsUtf8(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = REPORT.write(TROUBLED, TROUBLED_AUDIT, dir.resolve("nested/report.html"));
        assertEquals(TROUBLED_HTML, java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** jsoup's {@code text()} folds runs of white space into one space and trims. */
    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
