package io.marketops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The import page as a signed-in person uses it: upload, preview with suggestions, start, follow, history. */
@IntegrationTest
class ImportPagesIntegrationTests {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept-Language", "zh-CN").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in page").isTrue();
        return m.group(1);
    }

    @Test
    void uploadPreviewStartAndHistoryWorkForASignedInPerson() throws Exception {
        String token = csrf(get("/login").body());
        String form = "username=" + URLEncoder.encode(TestUsers.ADMIN_EMAIL, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
        http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());

        var page = get("/imports?lang=zh-CN");   // explicit: the shared admin's saved language depends on test order
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("新建导入").contains("imports-page.js");
        String pageCsrf = csrf(page.body());

        String boundary = "----page";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nad-costs\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.csv\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(ImportFixtures.adCostsGbk());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var preview = http.send(HttpRequest.newBuilder(URI.create(base() + "/imports/preview"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", pageCsrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode draft = new ObjectMapper().readTree(preview.body());
        assertThat(draft.get("headerRow").asLong()).isEqualTo(3);
        assertThat(draft.get("suggestions").findValuesAsText("field")).contains("date", "campaign", "ad_group", "impressions", "clicks", "cost", "conversions");
        assertThat(draft.get("rows")).hasSize(4);

        String mapping = "{\"defaults\":{\"channel\":\"douyin\"},\"source\":\"巨量引擎日报\",\"save\":true}";
        var started = http.send(HttpRequest.newBuilder(URI.create(base() + "/imports/" + draft.get("importId").asText() + "/start"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", pageCsrf)
                .POST(HttpRequest.BodyPublishers.ofString(mapping)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

        JsonNode status = null;
        for (int i = 0; i < 100; i++) {
            status = new ObjectMapper().readTree(get("/imports/" + draft.get("importId").asText() + "/status").body());
            if (status.get("status").asText().equals("done")) break;
            Thread.sleep(100);
        }
        assertThat(status.get("imported").asLong() + status.get("updated").asLong()).isEqualTo(3);
        assertThat(status.get("source").asText()).isEqualTo("巨量引擎日报");
        assertThat(get("/imports").body()).contains("report.csv").contains("已完成");
        assertThat(get("/customer-contacts").statusCode()).isEqualTo(200);
    }
}
