package org.engagementledger.sample.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.engagementledger.engagement.CeilingExceededException;
import org.engagementledger.engagement.CommandRefusedException;
import org.engagementledger.engagement.InvalidStateException;
import org.engagementledger.engagement.MissingActorException;
import org.engagementledger.engagement.NotPermittedException;
import org.engagementledger.readmodel.ReadModelTimeoutException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every refusal into an RFC 9457 problem ({@code application/problem+json}) that names the field or the
 * rule: shape errors 400 with {@code errors[]}, role and organisation 403, unknown engagements 404, state
 * conflicts 409, business rules (the ceiling among them) 422. Every one of them stored nothing: the ledger
 * refuses a command as a whole.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@ConditionalOnWebApplication
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return respond(problem.toProblemDetail());
    }

    /** Jakarta constraints on the command: every violated field with its rule. */
    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<ProblemDetail> invalidShape(JSR303ViolationException exception) {
        List<ApiProblem.FieldError> errors = exception.getViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()).thenComparing(ConstraintViolation::getMessage))
                .map(v -> new ApiProblem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return respond(ApiProblem.invalid(errors).toProblemDetail());
    }

    /** The engagement refused the command: its role, state or business rules. */
    @ExceptionHandler(CommandRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CommandRefusedException refused) {
        HttpStatus status;
        String title;
        if (refused instanceof NotPermittedException || refused instanceof MissingActorException) {
            status = HttpStatus.FORBIDDEN;
            title = "The signed-in user may not do this";
        } else if (refused instanceof InvalidStateException) {
            status = HttpStatus.CONFLICT;
            title = "The engagement's state does not allow this";
        } else {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            title = "The command breaks a rule of the engagement";
        }
        ProblemDetail problem = ApiProblem.problem(status, refused.rule(), title, refused.getMessage(), List.of());
        if (refused instanceof CeilingExceededException ceiling) {
            problem.setProperty("ceiling", ceiling.ceiling());
            problem.setProperty("committed", ceiling.committed());
            problem.setProperty("attempted", ceiling.attempted());
        }
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownEngagement(AggregateNotFoundException exception) {
        return respond(ApiProblem.notFound("engagement-not-found",
                "no engagement '" + exception.getAggregateIdentifier() + "': commission it first (POST /api/engagements)").toProblemDetail());
    }

    /** Two writers raced for the same engagement (or its id was taken meanwhile): nothing of the loser was stored. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException exception) {
        return respond(ApiProblem.problem(HttpStatus.CONFLICT, "concurrent-change", "Someone else changed the engagement at the same time",
                "the engagement changed while this command was handled; nothing was stored, send it again", List.of()));
    }

    @ExceptionHandler(ReadModelTimeoutException.class)
    ResponseEntity<ProblemDetail> readModelsBehind(ReadModelTimeoutException exception) {
        return respond(ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "read-models-behind", "The read models are catching up",
                exception.getMessage(), List.of()));
    }

    /** A body that is not JSON, or JSON that does not fit the command: names the field and the rule where Jackson knows them. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(exception.getCause()).toProblemDetail());
    }

    static ApiProblem unreadable(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ApiProblem.invalid(List.of(new ApiProblem.FieldError(path(mapping), reason(mapping))));
        }
        String message = cause instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : cause == null ? null : cause.getMessage();
        return ApiProblem.invalid(List.of(new ApiProblem.FieldError("(body)", "must be a JSON object"
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(message)))));
    }

    /** {@code ceiling.amount}, {@code acceptanceCriteria[0]}. */
    static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String reason(JsonMappingException mapping) {
        Throwable root = mapping;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage(); // a value type's own rule, e.g. Money's "has more decimals than EUR allows (2)"
        }
        if (mapping instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "is not a field of this command; its fields are " + unknown.getKnownPropertyIds();
        }
        if (mapping instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + List.of(format.getTargetType().getEnumConstants()) + ", was " + format.getValue();
        }
        if (mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        String message = mapping.getOriginalMessage();
        return message == null ? "is not valid" : message.lines().findFirst().orElse(message);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a " + type.getSimpleName();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
