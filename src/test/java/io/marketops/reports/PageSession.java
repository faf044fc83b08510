package io.marketops.reports;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in browser session for page tests: cookies, form login, CSRF, forms with repeated fields (checkboxes). */
final class PageSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String language;
    private String csrf;

    PageSession(int port, String language) {
        this.base = "http://127.0.0.1:" + port;
        this.language = language;
    }

    PageSession login(String email, String password) {
        var page = get("/login");
        var r = post("/login", List.of(new String[]{"username", email}, new String[]{"password", password}, new String[]{"_csrf", token(page.body())}));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) throw new AssertionError("login failed: " + r.headers());
        csrf = token(get("/").body());
        return this;
    }

    static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF token in page");
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form; each entry is {name, value}, names may repeat. */
    HttpResponse<String> post(String path, List<String[]> fields) {
        String body = fields.stream().map(f -> f[0] + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        if (csrf != null) body += "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
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
