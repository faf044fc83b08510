package io.marketops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports a file and follows a 202 job until it ends, as the CLI does. */
final class ImportsApiPolling {
    private ImportsApiPolling() {
    }

    static JsonNode importAndWait(ImportClient client, int port, String token, String kind, String name, byte[] content, String mapping) {
        var r = client.upload("/api/v1/imports/" + kind, name, content, mapping);
        assertThat(r.status()).as(r.body()).isIn(200, 202);
        JsonNode s = r.json();
        Api api = new Api(port, token);
        long deadline = System.currentTimeMillis() + 600_000;
        while (!s.get("status").asText().equals("done")) {
            assertThat(s.get("status").asText()).as(s.toString()).isNotEqualTo("failed");
            assertThat(System.currentTimeMillis()).as("import finished in time").isLessThan(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            s = api.get("/api/v1/imports/" + s.get("importId").asText()).json();
        }
        return s;
    }
}
