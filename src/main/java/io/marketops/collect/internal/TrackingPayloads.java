package io.marketops.collect.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.InvalidRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a tracking request body into its events, keeping each event's bytes as sent (for the
 * log and the quarantine). Any JSON syntax error fails the whole request with its position;
 * fields the collector does not use are skipped.
 */
final class TrackingPayloads {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** An event as sent: its position in the batch, its parsed form and its bytes. */
    record RawEvent(int index, JsonNode node, byte[] raw) {
    }

    /** The request: batch-level {@code sentAt} and {@code context} (either may be null) and the events. */
    record Parsed(String sentAt, byte[] batchContext, String writeKey, List<RawEvent> events) {
    }

    private TrackingPayloads() {
    }

    /** {@code {"batch": [ … ], "sentAt": …, "context": …}} as sent to {@code /v1/batch}. */
    static Parsed batch(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidRequest("batch", "the body must be a JSON object with a 'batch' array of events");
            }
            List<RawEvent> events = null;
            String sentAt = null, writeKey = null;
            byte[] context = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "batch" -> {
                        if (t != JsonToken.START_ARRAY) throw new InvalidRequest("batch", "must be an array of events");
                        events = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) events.add(element(p, body, events.size()));
                    }
                    case "sentAt" -> sentAt = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    case "writeKey" -> writeKey = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    case "context" -> {
                        if (t == JsonToken.START_OBJECT) context = JSON.writeValueAsBytes(JSON.readTree(p));
                        else skip(p);
                    }
                    default -> p.skipChildren();
                }
            }
            end(p);
            if (events == null) throw new InvalidRequest("batch", "is missing: send {\"batch\": [ …events… ]}");
            return new Parsed(sentAt, context, writeKey, events);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InvalidRequest("body", "could not be read: " + e.getMessage());
        }
    }

    /** A single call ({@code /v1/track} …): the body is the event. */
    static Parsed single(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() == null) throw new InvalidRequest("body", "is empty; send the event as a JSON object");
            RawEvent e = element(p, body, 0);
            end(p);
            String writeKey = e.node() != null && e.node().isObject() ? EventRules.text(e.node(), "writeKey") : null;
            return new Parsed(null, null, writeKey, List.of(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InvalidRequest("body", "could not be read: " + e.getMessage());
        }
    }

    private static RawEvent element(JsonParser p, byte[] body, int index) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        JsonNode node = JSON.readTree(p);
        long end = p.currentLocation().getByteOffset();
        return new RawEvent(index, node, Arrays.copyOfRange(body, (int) start, (int) end));
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static void end(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            var at = p.currentTokenLocation();
            throw new MalformedJson("unexpected content after the end of the JSON value", at.getLineNr(), at.getColumnNr(), at.getByteOffset());
        }
    }

    private static MalformedJson malformed(com.fasterxml.jackson.core.JsonProcessingException e) {
        var at = e.getLocation();
        String why = e.getOriginalMessage();
        if (why != null && why.contains("\n")) why = why.substring(0, why.indexOf('\n'));
        return at == null ? new MalformedJson(why, -1, -1, -1) : new MalformedJson(why, at.getLineNr(), at.getColumnNr(), at.getByteOffset());
    }
}
