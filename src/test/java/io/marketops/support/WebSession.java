package io.marketops.support;

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

/** A browser-like HTTP session for page tests: cookies, CSRF tokens from forms, no JavaScript. */
public final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Page(int status, String location, String body) {
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET().build());
    }

    /** Posts a form, taking the CSRF token from the page at {@code formPage}. */
    public Page post(String formPage, String action, Map<String, String> fields) {
        String page = get(formPage).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new AssertionError("no CSRF token on " + formPage);
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        var all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", token);
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Page signIn(String email, String password) {
        return post("/login", "/login", Map.of("username", email, "password", password));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Page send(HttpRequest r) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Page(res.statusCode(), res.headers().firstValue("Location").orElse(null), res.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
