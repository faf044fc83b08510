package io.marketops.core.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details for every JSON API error, with a message a person can act on.
 * Detail of unexpected failures goes to the log, never to the client.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        if (e.field() != null) p.setProperty("field", e.field());
        return p;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this action in this workspace.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
                e.getName() + ": '" + e.getValue() + "' is not a valid value");
        p.setProperty("field", e.getName());
        return p;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; the details are in the server log.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String first = errors.isEmpty() ? "the request body is invalid" : errors.get(0).get("field") + ": " + errors.get(0).get("message");
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", first);
        p.setProperty("errors", errors);
        if (!errors.isEmpty()) p.setProperty("field", errors.get(0).get("field"));
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String why = ex.getMostSpecificCause().getMessage();
        if (why != null && why.contains("\n")) why = why.substring(0, why.indexOf('\n'));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The body is not valid JSON for this call: " + why));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail p && p.getType() == null) p.setType(URI.create("about:blank"));
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
