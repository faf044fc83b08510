package io.marketops.metrics;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in browser session for page tests: cookies, the form login and the CSRF token pages carry. */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Browser login(String email, String password) {
        HttpResponse<String> page = get("/login");
        HttpResponse<String> r = postForm("/login", Map.of("username", email, "password", password, "_csrf", token(page.body())));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) throw new AssertionError("login failed: " + r.headers());
        csrf = token(get("/").body());
        return this;
    }

    static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF token in page");
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The text of {@code <script id="…">} in a page (the JSON blobs pages hand to their scripts). */
    static String script(String html, String id) {
        Matcher m = Pattern.compile("<script id=\"" + id + "\"[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(html);
        if (!m.find()) throw new AssertionError("no <script id=" + id + "> in page");
        return m.group(1);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        if (csrf != null && !form.containsKey("_csrf")) body += "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> postFormBytes(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(b.build(), handler);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
