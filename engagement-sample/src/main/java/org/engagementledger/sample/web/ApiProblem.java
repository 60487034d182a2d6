package org.engagementledger.sample.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/**
 * A request the API refuses before or after it reaches the ledger, as an RFC 9457 problem: HTTP status, a
 * stable {@code rule} code (also the last part of the problem {@code type}), a message, and for shape errors
 * the fields at fault.
 */
final class ApiProblem extends RuntimeException {

    /** One field at fault: its JSON path ({@code ceiling.amount}, {@code acceptanceCriteria[0]}) and the rule it breaks. */
    record FieldError(String field, String message) {
    }

    static final String TYPE_PREFIX = "urn:engagement-ledger:problem:";

    private final HttpStatus status;
    private final String rule;
    private final String title;
    private final List<FieldError> errors;

    ApiProblem(HttpStatus status, String rule, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "The request is not a valid command", detail, errors);
    }

    static ApiProblem notFound(String rule, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, rule, "Not found", detail, List.of());
    }

    ProblemDetail toProblemDetail() {
        return problem(status, rule, title, getMessage(), errors);
    }

    static ProblemDetail problem(HttpStatus status, String rule, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + rule));
        problem.setTitle(title);
        problem.setProperty("rule", rule);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
