package org.engagementledger.report;

import org.engagementledger.api.Actor;
import org.engagementledger.api.Identifier;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.audit.AuditAnswer;
import org.engagementledger.audit.AuditAnswer.Verdict;
import org.engagementledger.audit.AuditInputs;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.EngagementState.Amendment;
import org.engagementledger.audit.EngagementState.Anomaly;
import org.engagementledger.audit.EngagementState.Assessment;
import org.engagementledger.audit.EngagementState.CapabilityTarget;
import org.engagementledger.audit.EngagementState.Commissioning;
import org.engagementledger.audit.EngagementState.FulfilmentStep;
import org.engagementledger.audit.EngagementState.Requirement;
import org.engagementledger.audit.EngagementState.RequirementVersion;
import org.engagementledger.audit.RedFlag;
import org.engagementledger.audit.RedFlagCode;
import org.engagementledger.audit.Severity;
import org.engagementledger.audit.Timeline;
import org.engagementledger.audit.VerificationStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The HTML audit report of one engagement: a single self-contained HTML5 page (inline CSS and SVG, no
 * script, no external resource) with the verification status, the twelve answers, the red flags, the
 * cost against the ceiling and the capability levels as charts, the requirements trace and the full
 * timeline. It prints readably (A4, black text, rows and cards not split across pages).
 *
 * <p>Every value from the history is escaped ({@link Html#escape(String)}), so stored text can never add
 * markup to the page. Supporting sequence numbers link to the timeline rows ({@code #ev-<sequence>}).
 * Stable hooks for tests and tools: {@code #verification[data-outcome]}, {@code #answers} with
 * {@code [data-question][data-verdict]}, {@code #red-flags} with {@code [data-code][data-severity]},
 * {@code #timeline} rows {@code [data-sequence]}, {@code #requirements} with {@code [data-requirement]},
 * {@code svg#chart-cost} with one {@code circle.cost-point[data-sequence]} per cost point and
 * {@code svg#chart-capability} with one {@code g.capability-target[data-target]} per target.
 *
 * <pre>{@code
 * EngagementHistory history = ledger.auditHistory(id);
 * EngagementAudit audit = ledger.audit(id, verificationStatus);
 * AuditReport.create().write(history, audit, Path.of("report.html"));
 * }</pre>
 *
 * <p>Stateless apart from its clock; safe to share between threads.
 */
public final class AuditReport {

    private static final String CSS = loadCss();

    private final Clock clock;

    private AuditReport(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** A report stamped with the system clock. */
    public static AuditReport create() {
        return new AuditReport(Clock.systemUTC());
    }

    /** A report stamped with {@code clock} (fixed clocks make the page reproducible byte for byte). */
    public static AuditReport withClock(Clock clock) {
        return new AuditReport(clock);
    }

    /** Audits {@code history} with {@code inputs} and renders the page (the verification status comes from the inputs). */
    public String render(EngagementHistory history, AuditInputs inputs) {
        return render(history, EngagementAudit.of(history, inputs));
    }

    /**
     * Renders the page from a history and its audit; the state is rebuilt from the history with the
     * audit's thresholds, and the verification status is the one the audit was given.
     */
    public String render(EngagementHistory history, EngagementAudit audit) {
        return render(history, audit, EngagementState.of(history, audit.thresholds()), audit.verification());
    }

    /**
     * Renders the page.
     *
     * @param history      the engagement's stored history (the timeline)
     * @param audit        its audit (answers and red flags)
     * @param state        its state after the history (requirements, cost, capability)
     * @param verification the verifier's result, shown prominently; {@code null} reads as not verified
     * @throws IllegalArgumentException when the parts belong to different engagements
     */
    public String render(EngagementHistory history, EngagementAudit audit, EngagementState state, VerificationStatus verification) {
        Objects.requireNonNull(history, "history must not be null");
        Objects.requireNonNull(audit, "audit must not be null");
        Objects.requireNonNull(state, "state must not be null");
        if (!history.engagementId().equals(audit.engagementId()) || !history.engagementId().equals(state.engagementId())) {
            throw new IllegalArgumentException("history, audit and state must be of one engagement; got " + history.engagementId() + ", "
                    + audit.engagementId() + " and " + state.engagementId());
        }
        VerificationStatus status = verification != null ? verification
                : VerificationStatus.notVerified("no verification result was given to the report");
        return new Page(history, audit, state, status, clock.instant()).render();
    }

    /** Renders the page and writes it to {@code file} as UTF-8 (replacing it); returns the file. */
    public Path write(EngagementHistory history, EngagementAudit audit, Path file) {
        return write(render(history, audit), file);
    }

    /** Renders the page and writes it to {@code file} as UTF-8 (replacing it); returns the file. */
    public Path write(EngagementHistory history, EngagementAudit audit, EngagementState state, VerificationStatus verification, Path file) {
        return write(render(history, audit, state, verification), file);
    }

    private static Path write(String html, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }

    private static String loadCss() {
        try (InputStream in = AuditReport.class.getResourceAsStream("audit-report.css")) {
            if (in == null) {
                throw new IllegalStateException("audit-report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rendering: the writer and the look-ups the sections share. */
    private static final class Page {

        private final EngagementHistory history;
        private final EngagementAudit audit;
        private final EngagementState state;
        private final VerificationStatus verification;
        private final Instant generatedAt;
        private final Timeline timeline;
        private final Html h = new Html();
        private final Set<Long> sequences = new HashSet<>();
        private final Map<Long, List<RedFlag>> flagsBySequence = new HashMap<>();
        private final Map<RedFlagCode, String> flagAnchors = new EnumMap<>(RedFlagCode.class);
        private final Map<String, String> requirementAnchors = new HashMap<>();

        Page(EngagementHistory history, EngagementAudit audit, EngagementState state, VerificationStatus verification, Instant generatedAt) {
            this.history = history;
            this.audit = audit;
            this.state = state;
            this.verification = verification;
            this.generatedAt = generatedAt;
            this.timeline = Timeline.of(history);
            timeline.entries().forEach(e -> sequences.add(e.sequence()));
            for (RedFlag flag : audit.redFlags()) {
                flag.sequences().forEach(s -> flagsBySequence.computeIfAbsent(s, k -> new java.util.ArrayList<>()).add(flag));
            }
        }

        String render() {
            for (String id : List.of("top", "summary", "contents", "verification", "answers", "red-flags", "anomalies", "cost", "capability",
                    "requirements", "timeline", "about", CostChart.ID + "-figure", CapabilityChart.ID + "-figure")) {
                h.fixedId(id);
            }
            for (RedFlag flag : audit.redFlags()) {
                flagAnchors.computeIfAbsent(flag.code(), c -> h.uniqueId("flag-", c.name()));
            }
            for (Requirement r : state.requirements()) {
                requirementAnchors.computeIfAbsent(r.requirementId().value(), v -> h.uniqueId("req-", v));
            }
            h.raw("<!DOCTYPE html>").newline();
            h.open("html", "lang", "en").newline();
            h.open("head").newline();
            h.empty("meta", "charset", "utf-8").newline();
            h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
            h.empty("meta", "name", "generator", "content", "Engagement Ledger audit report").newline();
            h.element("title", "Audit report \u2013 " + title() + " (" + audit.engagementId().value() + ")").newline();
            h.open("style").raw(CSS).close("style").newline();
            h.close("head").newline();
            h.open("body", "id", "top", "data-engagement", audit.engagementId().value()).newline();
            header();
            verification();
            summary();
            h.open("main").newline();
            answers();
            redFlags();
            cost();
            capability();
            requirements();
            timelineSection();
            h.close("main").newline();
            footer();
            h.close("body").newline();
            h.close("html").newline();
            return h.toString();
        }

        // ---- header, verification, summary --------------------------------------------------------------------

        private String title() {
            return audit.title() != null ? audit.title() : "Engagement " + audit.engagementId().value();
        }

        private void header() {
            Commissioning c = state.commissioning();
            h.open("header", "class", "report-header").newline();
            h.element("p", "Engagement Ledger \u00B7 Audit report", "class", "kicker");
            h.element("h1", title());
            h.open("p", "class", "subtitle");
            h.text("Engagement ").element("code", audit.engagementId().value(), "class", "engagement-id");
            h.text(" \u00B7 ").element("span", Format.words(audit.status()), "class", "status status-" + Html.slug(String.valueOf(audit.status()))
                    .toLowerCase(java.util.Locale.ROOT), "data-status", audit.status());
            h.close("p").newline();
            h.open("dl", "class", "header-facts").newline();
            fact("Buyer", party(audit.buyer()) + (c != null && c.buyerUnit() != null ? " \u2013 " + c.buyerUnit() : ""));
            fact("Supplier", party(audit.supplier()));
            fact("Procurement reference", c == null || c.procurementReference() == null ? "\u2014" : c.procurementReference());
            fact("Period", c == null || c.period() == null ? "\u2014" : c.period().start() + " to " + c.period().end());
            fact("Ceiling", state.ceiling() == null ? "\u2014" : Format.money(state.ceiling().original())
                    + (state.ceiling().amendments().isEmpty() ? "" : " \u2192 " + Format.money(state.ceiling().current())
                    + " (" + state.ceiling().amendments().size() + " amendment" + (state.ceiling().amendments().size() == 1 ? "" : "s") + ")"));
            fact("Committed cost", state.cost() == null ? "\u2014" : Format.money(state.cost().committed()));
            fact("Recorded history", audit.eventCount() + " events, last #" + audit.lastSequence() + " at " + Format.time(audit.lastEventAt()) + " UTC");
            h.open("div").element("dt", "Generated").open("dd").open("time", "datetime", generatedAt.toString(), "id", "generated-at")
                    .text(Format.time(generatedAt) + " UTC").close("time").close("dd").close("div").newline();
            h.close("dl").newline();
            h.close("header").newline();
        }

        private void fact(String name, String value) {
            h.open("div").element("dt", name).element("dd", value).close("div").newline();
        }

        private static String party(Party party) {
            return party == null ? "\u2014" : party.name() + " (" + party.id() + ")";
        }

        private void verification() {
            VerificationStatus.Outcome outcome = verification.outcome();
            String heading = switch (outcome) {
                case INTACT -> "History verified intact";
                case FINDINGS -> "Verification found " + verification.findings() + (verification.findings() == 1 ? " problem" : " problems");
                case NOT_VERIFIED -> "History not verified";
            };
            String symbol = switch (outcome) {
                case INTACT -> "\u2714";
                case FINDINGS -> "\u2716";
                case NOT_VERIFIED -> "?";
            };
            String explanation = switch (outcome) {
                case INTACT -> "The hash chain and digests were recomputed from the stored rows and match: the history below is complete "
                        + "and unaltered since it was written.";
                case FINDINGS -> "The stored history does not match its hash chain or digests. Treat the answers below with caution: "
                        + "events may have been altered, removed or reordered.";
                case NOT_VERIFIED -> "No verification result was given to this report, so nothing here shows the history is complete and "
                        + "unaltered. Run the verifier and render the report again.";
            };
            h.open("section", "id", "verification", "class", "verification outcome-" + outcome.name().toLowerCase(java.util.Locale.ROOT),
                    "data-outcome", outcome.name(), "data-findings", verification.findings(), "aria-labelledby", "verification-heading").newline();
            h.element("div", symbol, "class", "verification-symbol", "aria-hidden", "true");
            h.open("div", "class", "verification-body");
            h.element("h2", heading, "id", "verification-heading");
            h.element("p", explanation);
            h.open("p", "class", "verification-message").element("strong", "Verifier: ").text(verification.message());
            if (verification.verifiedAt() != null) {
                h.text(" (").open("time", "datetime", verification.verifiedAt().toString()).text(Format.time(verification.verifiedAt()) + " UTC")
                        .close("time").text(")");
            }
            h.close("p");
            if (!verification.affectedSequences().isEmpty()) {
                h.open("p").element("strong", "Affected events: ");
                seqLinks(verification.affectedSequences());
                h.close("p");
            }
            h.close("div").newline();
            h.close("section").newline();
        }

        private void summary() {
            Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                verdicts.put(v, audit.answers().stream().filter(a -> a.verdict() == v).count());
            }
            Map<Severity, Long> severities = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                severities.put(s, audit.redFlags().stream().filter(f -> f.severity() == s).count());
            }
            h.open("section", "id", "summary", "class", "summary", "aria-label", "At a glance").newline();
            h.open("div", "class", "tiles");
            tile("Answers of concern", verdicts.get(Verdict.CONCERN), "of " + audit.answers().size() + " \u00B7 " + verdicts.get(Verdict.OK) + " ok, "
                    + verdicts.get(Verdict.UNKNOWN) + " unknown", verdicts.get(Verdict.CONCERN) > 0 ? "warn" : "good");
            tile("Red flags", audit.redFlags().size(), severities.get(Severity.HIGH) + " high, " + severities.get(Severity.MEDIUM) + " medium, "
                    + severities.get(Severity.LOW) + " low", severities.get(Severity.HIGH) > 0 ? "bad" : audit.redFlags().isEmpty() ? "good" : "warn");
            Money committed = state.cost() == null ? null : state.cost().committed();
            Money ceiling = state.ceiling() == null ? null : state.ceiling().current();
            tile("Committed cost", Format.money(committed), "ceiling " + Format.money(ceiling),
                    committed != null && ceiling != null && committed.isSameCurrency(ceiling) && committed.isGreaterThan(ceiling) ? "bad" : "neutral");
            long met = state.capabilityTargets().stream().filter(CapabilityTarget::met).count();
            tile("Capability targets met", met + " / " + state.capabilityTargets().size(), "latest assessments",
                    state.capabilityTargets().isEmpty() ? "neutral" : met == state.capabilityTargets().size() ? "good" : "warn");
            h.close("div").newline();
            h.open("nav", "id", "contents", "aria-label", "Contents", "class", "contents");
            h.element("strong", "Contents");
            h.open("ol");
            link("#answers", "The twelve questions");
            link("#red-flags", "Red flags");
            link("#cost", "Cost against ceiling");
            link("#capability", "Capability levels");
            link("#requirements", "Requirements trace");
            link("#timeline", "Timeline");
            h.close("ol");
            h.close("nav").newline();
            h.close("section").newline();
        }

        private void tile(String label, Object value, String detail, String tone) {
            h.open("div", "class", "tile tone-" + tone).element("div", label, "class", "tile-label").element("div", value, "class", "tile-value")
                    .element("div", detail, "class", "tile-detail").close("div");
        }

        private void link(String href, String text) {
            h.open("li").element("a", text, "href", href).close("li");
        }

        // ---- answers and red flags ----------------------------------------------------------------------------

        private void answers() {
            sectionStart("answers", "1", "The twelve questions",
                    "Each answer is computed from the stored events alone. The verdict says whether the record shows something an auditor "
                            + "should look at (concern) or cannot answer the question yet (unknown). Event numbers link to the timeline.");
            h.open("ol", "class", "answers").newline();
            for (AuditAnswer a : audit.answers()) {
                String verdict = a.verdict().name().toLowerCase(java.util.Locale.ROOT);
                h.open("li", "class", "answer answer-" + verdict, "id", "q" + a.number(), "data-question", a.number(), "data-verdict", a.verdict().name(),
                        "data-topic", a.topic().name()).newline();
                h.open("div", "class", "answer-head");
                h.element("span", a.number(), "class", "answer-number", "aria-hidden", "true");
                h.open("h3", "class", "question").element("span", "Question " + a.number() + ": ", "class", "visually-hidden").text(a.question())
                        .close("h3");
                h.element("span", verdictLabel(a.verdict()), "class", "badge verdict-badge verdict-" + verdict);
                h.close("div").newline();
                h.element("p", a.answer(), "class", "answer-text");
                facts(a.facts());
                if (!a.redFlags().isEmpty() || !a.sequences().isEmpty()) {
                    h.open("p", "class", "answer-refs");
                    if (!a.redFlags().isEmpty()) {
                        h.element("span", "Red flags: ", "class", "refs-label");
                        for (RedFlagCode code : a.redFlags()) {
                            String anchor = flagAnchors.get(code);
                            if (anchor != null) {
                                h.element("a", code.name(), "href", "#" + anchor, "class", "flag-ref");
                            } else {
                                h.element("span", code.name(), "class", "flag-ref");
                            }
                            h.text(" ");
                        }
                    }
                    if (!a.sequences().isEmpty()) {
                        h.element("span", "Supporting events: ", "class", "refs-label");
                        seqLinks(a.sequences());
                    }
                    h.close("p");
                }
                h.close("li").newline();
            }
            h.close("ol").newline();
            sectionEnd();
        }

        private static String verdictLabel(Verdict verdict) {
            return switch (verdict) {
                case OK -> "OK";
                case CONCERN -> "Concern";
                case UNKNOWN -> "Unknown";
            };
        }

        /** The answer's scalar facts (figures, ids, dates, yes/no); lists of records are shown in their own sections. */
        private void facts(Map<String, Object> facts) {
            Map<String, String> shown = new java.util.LinkedHashMap<>();
            facts.forEach((name, value) -> {
                String text = factValue(value);
                if (text != null) {
                    shown.put(name, text);
                }
            });
            if (shown.isEmpty()) {
                return;
            }
            h.open("dl", "class", "facts");
            for (Map.Entry<String, String> e : shown.entrySet()) {
                h.open("div", "data-fact", e.getKey()).element("dt", Format.camelWords(e.getKey())).element("dd", e.getValue()).close("div");
            }
            h.close("dl").newline();
        }

        private static String factValue(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Collection<?> items) {
                if (items.isEmpty()) {
                    return "none";
                }
                if (!items.stream().allMatch(Page::isScalar)) {
                    return null;
                }
                return items.stream().map(Page::scalar).collect(Collectors.joining(", "));
            }
            if (value instanceof Map<?, ?> map) {
                if (map.isEmpty() || !map.keySet().stream().allMatch(Page::isScalar) || !map.values().stream().allMatch(Page::isScalar)) {
                    return null;
                }
                return map.entrySet().stream().map(e -> scalar(e.getKey()) + ": " + scalar(e.getValue())).collect(Collectors.joining(", "));
            }
            return isScalar(value) ? scalar(value) : null;
        }

        private static boolean isScalar(Object value) {
            return value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                    || value instanceof Money || value instanceof Instant || value instanceof LocalDate || value instanceof Actor
                    || value instanceof Identifier;
        }

        private static String scalar(Object value) {
            if (value == null) {
                return "\u2014";
            }
            if (value instanceof Boolean b) {
                return Format.yesNo(b);
            }
            if (value instanceof Money m) {
                return Format.money(m);
            }
            if (value instanceof Instant i) {
                return Format.time(i) + " UTC";
            }
            if (value instanceof Actor a) {
                return Format.actorFull(a);
            }
            if (value instanceof Identifier id) {
                return id.value();
            }
            if (value instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (value instanceof Enum<?> e) {
                return Format.words(e);
            }
            return String.valueOf(value);
        }

        private void redFlags() {
            sectionStart("red-flags", "2", "Red flags",
                    "Patterns in the history that the domain rules single out for an auditor: amendment growth over the threshold, "
                            + "invoices without accepted deliverables, conflicts declared after award, capability targets unmet at close, "
                            + "repeat engagements, requirements without acceptance criteria or mostly stated by the consultant, and time "
                            + "logged outside the period. Highest severity first.");
            List<RedFlag> flags = audit.redFlags().stream()
                    .sorted(Comparator.comparing(RedFlag::severity).reversed()).toList();
            if (flags.isEmpty()) {
                h.element("p", "No red flags were raised from this history.", "class", "none");
            } else {
                h.open("table", "class", "data red-flags-table").newline();
                h.open("thead").open("tr").element("th", "Severity", "scope", "col").element("th", "Flag", "scope", "col")
                        .element("th", "What the history shows", "scope", "col").element("th", "Events", "scope", "col").close("tr").close("thead");
                h.open("tbody").newline();
                Set<RedFlagCode> anchored = new HashSet<>();
                for (RedFlag flag : flags) {
                    String severity = flag.severity().name().toLowerCase(java.util.Locale.ROOT);
                    h.open("tr", "class", "red-flag flag-" + severity, "data-code", flag.code().name(), "data-severity", flag.severity().name(),
                            "id", anchored.add(flag.code()) ? flagAnchors.get(flag.code()) : null);
                    h.open("td").element("span", flag.severity().name(), "class", "badge severity-badge severity-" + severity).close("td");
                    h.open("td").element("span", Format.words(flag.code()), "class", "flag-name").element("code", flag.code().name(), "class", "flag-code")
                            .close("td");
                    h.element("td", flag.message());
                    h.open("td", "class", "seqs");
                    seqLinks(flag.sequences());
                    h.close("td");
                    h.close("tr").newline();
                }
                h.close("tbody").close("table").newline();
            }
            List<Anomaly> anomalies = state.anomalies();
            h.open("div", "id", "anomalies", "class", "anomalies", "data-count", anomalies.size());
            h.element("h3", "Anomalies in the history (" + anomalies.size() + ")");
            if (anomalies.isEmpty()) {
                h.element("p", "The replay met nothing that the ledger's own rules would not have written.", "class", "none");
            } else {
                h.element("p", "Facts the ledger's rules forbid, or that disagree with a recomputation from the events.", "class", "explain");
                h.open("ul");
                for (Anomaly anomaly : anomalies) {
                    h.open("li", "data-sequence", anomaly.sequence());
                    seqLink(anomaly.sequence());
                    h.text(" ").text(anomaly.message()).close("li");
                }
                h.close("ul");
            }
            h.close("div").newline();
            sectionEnd();
        }

        // ---- cost and capability ------------------------------------------------------------------------------

        private void cost() {
            sectionStart("cost", "3", "Cost against the ceiling",
                    "Committed cost (time entries and expenses) and the budget ceiling after every cost event and amendment. Both lines "
                            + "only change at an event, so they are drawn as steps; each marker is one cost point, red when committed cost "
                            + "stood above the ceiling. Dashed lines mark the contract period.");
            h.open("figure", "id", CostChart.ID + "-figure", "class", "chart-figure").newline();
            CostChart.write(h, state);
            h.newline().element("figcaption", "Committed cost against the ceiling, including amendments. Amounts in "
                    + (state.ceiling() == null ? "the engagement's currency" : state.ceiling().current().currency().getCurrencyCode()) + ".");
            h.close("figure").newline();
            if (state.ceiling() != null && state.cost() != null) {
                h.open("div", "class", "two-col").newline();
                h.open("table", "class", "data figures").newline();
                h.element("caption", "Figures");
                h.open("tbody");
                row("Original ceiling", Format.money(state.ceiling().original()));
                row("Current ceiling", Format.money(state.ceiling().current()));
                row("Net change by amendments", Format.money(state.ceiling().netChange()) + " (" + Format.percent(state.ceiling().growthPercent()) + ")");
                row("Committed cost", Format.money(state.cost().committed()));
                for (CostCategory category : CostCategory.values()) {
                    Money amount = state.cost().byCategory().get(category);
                    BigDecimal hours = state.cost().hoursByCategory().get(category);
                    row("\u2003" + capitalised(Format.words(category)), Format.money(amount) + (hours == null ? "" : " \u00B7 " + hours.toPlainString() + " h"));
                }
                row("Invoiced (not disputed)", Format.money(state.cost().invoiced()));
                row("Accepted for payment", Format.money(state.cost().acceptedForPayment()));
                if (state.closure() != null) {
                    row("Final cost as recorded at close", Format.money(state.closure().finalCostAsRecorded()));
                }
                h.close("tbody").close("table").newline();
                h.open("div", "class", "amendments");
                h.element("h3", "Amendments (" + state.ceiling().amendments().size() + ")");
                if (state.ceiling().amendments().isEmpty()) {
                    h.element("p", "The ceiling was never amended.", "class", "none");
                } else {
                    h.open("table", "class", "data").newline();
                    h.open("thead").open("tr").element("th", "Event", "scope", "col").element("th", "Ceiling", "scope", "col")
                            .element("th", "Rationale", "scope", "col").element("th", "Requested / approved by", "scope", "col").close("tr").close("thead");
                    h.open("tbody");
                    for (Amendment a : state.ceiling().amendments()) {
                        h.open("tr", "data-sequence", a.sequence());
                        h.open("td");
                        seqLink(a.sequence());
                        h.raw(" ").element("span", Format.time(a.at()), "class", "when").close("td");
                        h.element("td", Format.money(a.previousCeiling()) + " \u2192 " + Format.money(a.newCeiling())
                                + (a.change() == null ? "" : " (" + (a.change().isNegative() ? "" : "+") + Format.money(a.change()) + ")"));
                        h.element("td", a.rationale());
                        h.element("td", (a.requestedBy() == null ? "\u2014" : a.requestedBy()) + " / " + Format.actorFull(a.approvedBy()));
                        h.close("tr").newline();
                    }
                    h.close("tbody").close("table").newline();
                }
                h.close("div").newline();
                h.close("div").newline();
            }
            sectionEnd();
        }

        private void row(String name, String value) {
            h.open("tr").element("th", name, "scope", "row").element("td", value, "class", "num").close("tr").newline();
        }

        private static String capitalised(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        private void capability() {
            sectionStart("capability", "4", "Capability levels",
                    "Knowledge transfer is a deliverable: for each capability the agency said it lacked, the level before the engagement "
                            + "(baseline), the level it set out to reach (target) and the latest assessed level, on a scale of 0 to 5.");
            h.open("figure", "id", CapabilityChart.ID + "-figure", "class", "chart-figure").newline();
            CapabilityChart.write(h, state);
            h.newline().element("figcaption", "Baseline, target and latest assessed level per capability target.");
            h.close("figure").newline();
            if (!state.capabilityTargets().isEmpty()) {
                h.open("table", "class", "data capability-table").newline();
                h.open("thead").open("tr").element("th", "Target", "scope", "col").element("th", "Levels", "scope", "col")
                        .element("th", "Transfer", "scope", "col").element("th", "Assessments (level, assessor, evidence)", "scope", "col")
                        .close("tr").close("thead");
                h.open("tbody").newline();
                for (CapabilityTarget t : state.capabilityTargets()) {
                    h.open("tr", "data-target", t.targetId().value());
                    h.open("td").element("strong", t.capability()).element("div", t.recipientTeam() + " \u00B7 " + t.targetId().value(), "class", "muted")
                            .open("div", "class", "muted").text("defined ");
                    seqLink(t.definedSequence());
                    h.text(" by " + Format.actorFull(t.definedBy())).close("div").close("td");
                    h.open("td", "class", "nowrap").text(t.baselineLevel() + " \u2192 " + t.targetLevel() + " \u2192 "
                            + (t.assessedLevel() == null ? "not assessed" : t.assessedLevel().toString()));
                    h.raw(" ").element("span", t.met() ? "Met" : "Not met", "class", "badge " + (t.met() ? "verdict-ok" : "verdict-concern")).close("td");
                    h.element("td", (t.transferHours() == null ? "0" : t.transferHours().toPlainString()) + " h in " + t.activities().size()
                            + (t.activities().size() == 1 ? " activity" : " activities"));
                    h.open("td");
                    if (t.assessments().isEmpty()) {
                        h.text("none");
                    } else {
                        h.open("ul", "class", "plain");
                        for (Assessment a : t.assessments()) {
                            h.open("li");
                            seqLink(a.sequence());
                            h.text(" level " + a.level() + ", " + Format.actor(a.assessor()) + ": " + a.evidence()).close("li");
                        }
                        h.close("ul");
                    }
                    h.close("td");
                    h.close("tr").newline();
                }
                h.close("tbody").close("table").newline();
            }
            sectionEnd();
        }

        // ---- requirements -------------------------------------------------------------------------------------

        private void requirements() {
            sectionStart("requirements", "5", "Requirements trace",
                    "Every requirement with who stated it, every version with the reason for the change, and every fulfilment step "
                            + "(submitted, accepted against which criteria, rejected, withdrawn). Outcome statements with acceptance criteria "
                            + "and a verification method are what a strong buyer writes.");
            if (state.requirements().isEmpty()) {
                h.element("p", "No requirement has been stated.", "class", "none");
            }
            for (Requirement r : state.requirements()) {
                h.open("article", "class", "requirement", "id", requirementAnchors.get(r.requirementId().value()), "data-requirement",
                        r.requirementId().value(), "data-status", r.status(), "data-version", r.version()).newline();
                h.open("h3").element("code", r.requirementId().value()).text(" " + r.outcome()).close("h3").newline();
                h.open("p", "class", "requirement-meta");
                h.element("span", Format.words(r.status()), "class", "badge status-badge");
                h.text(" version " + r.version() + " \u00B7 stated by " + Format.words(r.statedBy()) + " \u00B7 recorded by " + Format.actorFull(r.recordedBy()));
                if (r.lacksCriteria()) {
                    h.raw(" ").element("span", "No acceptance criteria", "class", "badge verdict-concern");
                }
                h.close("p").newline();
                h.element("h4", "Versions");
                h.open("table", "class", "data versions").newline();
                h.open("thead").open("tr").element("th", "Version", "scope", "col").element("th", "Event", "scope", "col")
                        .element("th", "By", "scope", "col").element("th", "Outcome and acceptance criteria", "scope", "col")
                        .element("th", "Verification", "scope", "col").element("th", "Reason for change", "scope", "col").close("tr").close("thead");
                h.open("tbody");
                for (RequirementVersion v : r.versions()) {
                    h.open("tr", "data-version", v.version());
                    h.element("td", "v" + v.version());
                    h.open("td", "class", "nowrap");
                    seqLink(v.sequence());
                    h.raw(" ").element("span", Format.time(v.at()), "class", "when").close("td");
                    h.element("td", Format.actorFull(v.by()));
                    h.open("td").element("div", v.outcome(), "class", "outcome");
                    criteria(v.acceptanceCriteria());
                    h.close("td");
                    h.element("td", v.verificationMethod() == null ? "\u2014" : v.verificationMethod());
                    h.element("td", v.reason() == null ? (v.version() == 1 ? "first statement" : "\u2014") : v.reason());
                    h.close("tr").newline();
                }
                h.close("tbody").close("table").newline();
                h.element("h4", "Fulfilment");
                if (r.fulfilment().isEmpty()) {
                    h.element("p", "No fulfilment recorded.", "class", "none");
                } else {
                    h.open("table", "class", "data fulfilment").newline();
                    h.open("thead").open("tr").element("th", "Event", "scope", "col").element("th", "Step", "scope", "col")
                            .element("th", "By", "scope", "col").element("th", "Evidence, assessment or reason", "scope", "col").close("tr").close("thead");
                    h.open("tbody");
                    for (FulfilmentStep step : r.fulfilment()) {
                        h.open("tr", "data-step", step.kind().name(), "data-sequence", step.sequence());
                        h.open("td", "class", "nowrap");
                        seqLink(step.sequence());
                        h.raw(" ").element("span", Format.time(step.at()), "class", "when").close("td");
                        h.open("td").element("span", Format.words(step.kind()) + " (v" + step.version() + ")", "class", "badge step-" +
                                step.kind().name().toLowerCase(java.util.Locale.ROOT)).close("td");
                        h.element("td", Format.actorFull(step.by()));
                        h.open("td").text(step.text());
                        if (!step.acceptanceCriteria().isEmpty()) {
                            h.element("div", "Accepted against:", "class", "muted");
                            criteria(step.acceptanceCriteria());
                        }
                        h.close("td");
                        h.close("tr").newline();
                    }
                    h.close("tbody").close("table").newline();
                }
                h.close("article").newline();
            }
            sectionEnd();
        }

        private void criteria(List<String> criteria) {
            if (criteria.isEmpty()) {
                h.element("div", "No acceptance criteria", "class", "muted missing");
                return;
            }
            h.open("ul", "class", "criteria");
            criteria.forEach(c -> h.element("li", c));
            h.close("ul");
        }

        // ---- timeline -----------------------------------------------------------------------------------------

        private void timelineSection() {
            sectionStart("timeline", "6", "Timeline",
                    "Every stored event in order: its sequence number, when it was recorded (UTC), who caused it in which role and for "
                            + "which organisation, and a one-line summary. Events behind a red flag are marked \u2691; events a verification "
                            + "finding points at are highlighted.");
            Set<Long> affected = new TreeSet<>(verification.affectedSequences());
            h.open("table", "class", "data timeline-table", "data-events", timeline.entries().size()).newline();
            h.open("thead").open("tr").element("th", "#", "scope", "col").element("th", "Recorded (UTC)", "scope", "col")
                    .element("th", "Actor, role, organisation", "scope", "col")
                    .element("th", "Event", "scope", "col").element("th", "Summary", "scope", "col").close("tr").close("thead").newline();
            h.open("tbody").newline();
            for (Timeline.Entry e : timeline.entries()) {
                List<RedFlag> flags = flagsBySequence.getOrDefault(e.sequence(), List.of());
                String classes = (affected.contains(e.sequence()) ? "affected " : "") + (flags.isEmpty() ? "" : "flagged");
                h.open("tr", "id", h.uniqueId("ev-", Long.toString(e.sequence())), "data-sequence", e.sequence(), "data-type", e.eventType(),
                        "class", classes.isBlank() ? null : classes.strip());
                h.open("td", "class", "seq num").text(e.sequence());
                if (!flags.isEmpty()) {
                    h.raw(" ").element("span", "\u2691", "class", "flag-mark", "title",
                            flags.stream().map(f -> f.code().name()).distinct().collect(Collectors.joining(", ")));
                }
                h.close("td");
                h.open("td", "class", "nowrap").open("time", "datetime", e.timestamp().toString()).text(Format.time(e.timestamp())).close("time")
                        .close("td");
                Actor actor = e.actor();
                if (actor == null) {
                    h.element("td", "(no actor recorded)", "class", "actor missing");
                } else {
                    h.open("td", "class", "actor").element("span", actor.id(), "class", "actor-id").text(" ")
                            .element("span", Format.words(actor.role()), "class", "actor-role").text(" ")
                            .element("span", actor.organisation(), "class", "actor-org").close("td");
                }
                h.open("td").element("code", e.eventType()).close("td");
                h.element("td", e.summary());
                h.close("tr").newline();
            }
            h.close("tbody").close("table").newline();
            sectionEnd();
        }

        // ---- shared pieces ------------------------------------------------------------------------------------

        private void sectionStart(String id, String number, String title, String explanation) {
            h.open("section", "id", id, "class", "report-section", "aria-labelledby", id + "-heading").newline();
            h.open("h2", "id", id + "-heading").element("span", number, "class", "section-number").text(" " + title).close("h2").newline();
            h.element("p", explanation, "class", "explain").newline();
        }

        private void sectionEnd() {
            h.close("section").newline();
        }

        private void seqLinks(List<Long> list) {
            boolean first = true;
            for (Long s : list) {
                if (!first) {
                    h.text(" ");
                }
                first = false;
                seqLink(s);
            }
        }

        private void seqLink(long sequence) {
            if (sequences.contains(sequence)) {
                h.element("a", "#" + sequence, "href", "#ev-" + sequence, "class", "seq-ref", "data-sequence", sequence);
            } else {
                h.element("span", "#" + sequence, "class", "seq-ref missing", "title", "not in the stored history", "data-sequence", sequence);
            }
        }

        private void footer() {
            h.open("footer", "id", "about", "class", "report-footer").newline();
            h.element("p", "Generated by Engagement Ledger from " + history.events().size() + " stored events of engagement "
                    + audit.engagementId().value() + " at " + Format.time(generatedAt) + " UTC. The answers, red flags, figures and charts "
                    + "are recomputed from those events alone (no read model); the verification status comes from the verifier, which "
                    + "recomputes the hash chain and signed digests from the stored rows. This page is self-contained: it loads nothing "
                    + "and runs no script.");
            h.element("p", "Red-flag thresholds: amendment growth above " + Format.percent(audit.thresholds().amendmentGrowthPercent())
                    + " of the original ceiling; consultant-stated requirements above " + Format.percent(audit.thresholds().consultantStatedPercent())
                    + ".", "class", "muted");
            h.open("p", "class", "muted").element("a", "Back to top", "href", "#top").close("p");
            h.close("footer").newline();
        }
    }
}
