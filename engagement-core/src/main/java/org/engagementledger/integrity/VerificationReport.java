package org.engagementledger.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a verification. {@link #intact()} is true only when nothing was found; a command line
 * exits with status 0 when intact and 1 otherwise.
 *
 * @param source             what was read ("database" or "bundle")
 * @param engagementId       the engagement verified, or {@code null} for all
 * @param engagementsChecked engagements read
 * @param eventsChecked      events read
 * @param digestsChecked     digests given
 * @param findings           what is wrong, in the order found (at most the request's {@code maxFindings})
 * @param findingsOmitted    findings beyond that limit, counted only
 * @param notes              remarks that are not findings (e.g. where the public key came from)
 */
public record VerificationReport(String source, String engagementId, long engagementsChecked, long eventsChecked,
                                 int digestsChecked, List<Finding> findings, long findingsOmitted, List<String> notes) {

    public VerificationReport {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public boolean intact() {
        return findings.isEmpty() && findingsOmitted == 0;
    }

    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Lines for a terminal: a summary line, then one line per finding and note. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(intact() ? "INTACT" : "FINDINGS: " + (findings.size() + findingsOmitted))
                .append(" - ").append(eventsChecked).append(" events of ").append(engagementsChecked)
                .append(" engagement(s) checked");
        if (engagementId != null) {
            text.append(" (engagement ").append(engagementId).append(')');
        }
        text.append(" from the ").append(source);
        if (digestsChecked > 0) {
            text.append(", against ").append(digestsChecked).append(" digest(s)");
        }
        text.append('\n');
        findings.forEach(f -> text.append(f).append('\n'));
        if (findingsOmitted > 0) {
            text.append("... and ").append(findingsOmitted).append(" more findings\n");
        }
        notes.forEach(n -> text.append("note: ").append(n).append('\n'));
        return text.toString();
    }

    /** The report as a JSON document (for {@code --format json}). */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intact", intact());
        json.put("source", source);
        json.put("engagementId", engagementId);
        json.put("engagementsChecked", engagementsChecked);
        json.put("eventsChecked", eventsChecked);
        json.put("digestsChecked", digestsChecked);
        json.put("findings", findings.stream().map(f -> {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("kind", f.kind().name());
            finding.put("engagementId", f.engagementId());
            finding.put("sequence", f.sequence());
            finding.put("eventId", f.eventId());
            finding.put("message", f.message());
            return finding;
        }).toList());
        json.put("findingsOmitted", findingsOmitted);
        json.put("notes", notes);
        try {
            return IntegrityJson.PRETTY.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
