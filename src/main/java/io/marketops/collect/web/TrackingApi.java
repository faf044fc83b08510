package io.marketops.collect.web;

import io.marketops.collect.internal.Collector;
import io.marketops.collect.internal.MalformedJson;
import io.marketops.collect.internal.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Segment's tracking API: existing Segment and RudderStack libraries work by changing only the
 * host. The write key comes as the Basic-auth user name, as a bearer token, or (for browsers,
 * which cannot send headers without a pre-flight) as {@code ?writeKey=} or the body's {@code writeKey}.
 */
@RestController
@Tag(name = "Tracking", description = "Segment-compatible event collection with a workspace write key")
class TrackingApi {
    private final Collector collector;

    TrackingApi(Collector collector) {
        this.collector = collector;
    }

    record Answer(boolean success, int accepted, int duplicates, List<Collector.Rejection> rejected) {
    }

    /** One Segment call, as documented for the OpenAPI description (the endpoint reads the raw body). */
    @Schema(name = "TrackingCall", description = "A Segment call; unknown fields (_metadata, integrations, writeKey …) are accepted and ignored")
    record Call(@Schema(example = "track", allowableValues = {"track", "page", "screen", "identify", "alias", "group"}) String type,
                @Schema(description = "track: the event name (required)", example = "Order Completed") String event,
                @Schema(description = "page/screen: the page name") String name,
                @Schema(description = "userId or anonymousId is required") String userId, String anonymousId,
                @Schema(description = "alias: the earlier id") String previousId, @Schema(description = "group: the group id") String groupId,
                @Schema(description = "deduplicates retries; generated from the bytes when absent") String messageId,
                @Schema(description = "ISO-8601; any age (back-fills are stored as given)", example = "2026-10-01T08:00:00+08:00") String timestamp,
                String originalTimestamp, String sentAt,
                java.util.Map<String, Object> properties, java.util.Map<String, Object> traits,
                @Schema(description = "page, campaign (utm values), userAgent, ip, locale, device, library, location …") java.util.Map<String, Object> context) {
    }

    @Schema(name = "TrackingBatch")
    record Batch(@Schema(description = "at most 500 KB in all (after gzip is undone), 32 KB per call") List<Call> batch, String sentAt,
                 java.util.Map<String, Object> context, @Schema(description = "for browsers that cannot send headers") String writeKey) {
    }

    @PostMapping({"/v1/batch", "/v1/import", "/v1/batch/", "/v1/import/"})
    @Operation(summary = "Stores a batch of events ({\"batch\": [ … ]}, at most 500 KB); answers once they are durable",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "JSON, optionally gzip or deflate (Content-Encoding)",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Batch.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "valid events stored (or already stored: duplicates); invalid ones listed by index with the reason",
                            content = @Content(schema = @Schema(implementation = Answer.class))),
                    @ApiResponse(responseCode = "400", description = "malformed JSON: problem+json with line, column and offset", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "401", description = "no write key, or an unknown or revoked one", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "413", description = "body over 500 KB (single calls: 32 KB)", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "429", description = "over the workspace's rate or the server's queue; Retry-After says when to retry", content = @Content(mediaType = "application/problem+json"))})
    Answer batch(HttpServletRequest request) throws IOException {
        return handle(request, null);
    }

    @PostMapping({"/v1/{type:track|page|screen|identify|alias|group}", "/v1/{type:track|page|screen|identify|alias|group}/"})
    @Operation(summary = "Stores one call of the given type (at most 32 KB); answers once it is durable",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Call.class))),
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Answer.class))),
                    @ApiResponse(responseCode = "400", description = "malformed JSON", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "401", description = "unknown write key", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "413", description = "over 32 KB", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "429", description = "rate limited; see Retry-After", content = @Content(mediaType = "application/problem+json"))})
    Answer single(@PathVariable String type, HttpServletRequest request) throws IOException {
        return handle(request, type);
    }

    private Answer handle(HttpServletRequest request, String type) throws IOException {
        byte[] body = RequestBodies.read(request.getInputStream(), request.getHeader(HttpHeaders.CONTENT_ENCODING),
                request.getContentLengthLong(), collector.maxBodyBytes(type == null), type == null ? "a batch" : "an event");
        Collector.Answer a = collector.collect(writeKey(request), type, body);
        return new Answer(true, a.accepted(), a.duplicates(), a.rejected());
    }

    /** The key from {@code Authorization: Basic base64(key:)} or {@code Bearer key}, else {@code ?writeKey=}, else null. */
    static String writeKey(HttpServletRequest request) {
        String h = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) return h.substring(7).trim();
        String q = request.getQueryString();
        if (q != null) {
            for (String part : q.split("&")) {
                if (part.startsWith("writeKey=")) return java.net.URLDecoder.decode(part.substring(9), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @ExceptionHandler(RequestBodies.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodies.TooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", e.getMessage());
    }

    @ExceptionHandler(Collector.UnknownWriteKey.class)
    ResponseEntity<ProblemDetail> unknownKey(Collector.UnknownWriteKey e) {
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage());
        return ResponseEntity.status(r.getStatusCode()).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"MarketOps tracking\"").body(r.getBody());
    }

    @ExceptionHandler(Collector.RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(Collector.RateLimited e) {
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                e.getMessage() + "; retry after " + e.retryAfterSeconds() + " s");
        return ResponseEntity.status(r.getStatusCode()).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(r.getBody());
    }

    @ExceptionHandler(MalformedJson.class)
    ResponseEntity<ProblemDetail> malformed(MalformedJson e) {
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.BAD_REQUEST, "Malformed JSON", e.getMessage());
        r.getBody().setProperty("line", e.line());
        r.getBody().setProperty("column", e.column());
        r.getBody().setProperty("offset", e.offset());
        return r;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
