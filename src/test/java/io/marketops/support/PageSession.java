package io.marketops.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in session for page tests without a browser: cookies, form login, the CSRF token the
 * pages carry, pages in a chosen language, forms with repeated fields (checkboxes). For a session
 * that signs in per form instead, see {@link WebSession}.
 */
public final class PageSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String language;
    private String csrf;

    public PageSession(int port, String language) {
        this.base = "http://127.0.0.1:" + port;
        this.language = language;
    }

    public PageSession login(String email, String password) {
        var page = get("/login");
        var r = post("/login", List.of(new String[]{"username", email}, new String[]{"password", password}, new String[]{"_csrf", token(page.body())}));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) throw new AssertionError("login failed: " + r.headers());
        csrf = token(get("/").body());
        return this;
    }

    public static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF token in page");
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form with one value per name. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields.entrySet().stream().map(e -> new String[]{e.getKey(), e.getValue()}).toList());
    }

    /** Posts a form; each entry is {name, value}, names may repeat. */
    public HttpResponse<String> post(String path, List<String[]> fields) {
        String body = fields.stream().map(f -> f[0] + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        if (csrf != null) body += "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(b.timeout(Duration.ofMinutes(5)).build(), handler);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
