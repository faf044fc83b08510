package io.marketops.reports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;

/**
 * Posts a report to a WeCom, DingTalk or Feishu group robot in that platform's JSON format, signed when a secret is
 * set. A robot answers HTTP 200 even when it refuses (bad signature, keyword missing, rate limit), so the answer's
 * {@code errcode}/{@code code} is checked too; any refusal is an exception carrying the robot's message.
 */
@Component
class RobotClient {
    private final ObjectMapper json;
    private final HttpClient http;
    private final ReportsProperties properties;
    private final Clock clock;

    RobotClient(ObjectMapper json, ReportsProperties properties, Optional<Clock> clock) {
        this.json = json;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(Robot.Kind kind, String url, String secret, RobotMessage message) throws IOException, InterruptedException {
        long now = clock.millis();
        String address = url;
        ObjectNode body = json.createObjectNode();
        switch (kind) {
            case WECOM -> body.put("msgtype", "markdown").putObject("markdown").put("content", message.withHeading());
            case DINGTALK -> {
                body.put("msgtype", "markdown").putObject("markdown").put("title", message.title()).put("text", message.withHeading());
                if (secret != null) address = url + (url.contains("?") ? "&" : "?") + "timestamp=" + now + "&sign=" + RobotSigning.dingtalk(secret, now);
            }
            case FEISHU -> {
                if (secret != null) body.put("timestamp", String.valueOf(now / 1000)).put("sign", RobotSigning.feishu(secret, now / 1000));
                body.put("msg_type", "interactive");
                ObjectNode card = body.putObject("card");
                card.putObject("header").putObject("title").put("tag", "plain_text").put("content", message.title());
                card.putArray("elements").addObject().put("tag", "markdown").put("content", message.markdown());
            }
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(kind.id() + " robot answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        refusal(response.body()).ifPresent(reason -> {
            throw new RobotRefused(kind.id() + " robot refused the message: " + reason);
        });
    }

    /** errcode (WeCom, DingTalk) or code/StatusCode (Feishu) other than 0, with the robot's message. */
    private Optional<String> refusal(String body) {
        JsonNode node;
        try {
            node = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String field : new String[]{"errcode", "code", "StatusCode"}) {
            JsonNode code = node.get(field);
            if (code != null && code.isNumber() && code.asInt() != 0) {
                String msg = node.path("errmsg").asText(node.path("msg").asText(node.path("StatusMessage").asText("")));
                return Optional.of(field + " " + code.asInt() + (msg.isEmpty() ? "" : " " + msg));
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The robot answered but did not post the message. */
    static class RobotRefused extends RuntimeException {
        RobotRefused(String message) {
            super(message);
        }
    }
}
