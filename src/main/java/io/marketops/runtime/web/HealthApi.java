package io.marketops.runtime.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@Tag(name = "System")
class HealthApi {
    private final JdbcClient db;

    HealthApi(JdbcClient db) {
        this.db = db;
    }

    @GetMapping("/api/v1/health")
    @Operation(summary = "UP when the server and its database answer (no token needed)")
    ResponseEntity<Map<String, String>> health() {
        try {
            db.sql("SELECT 1").query(Integer.class).single();
            return ResponseEntity.ok(Map.of("status", "UP"));
        } catch (RuntimeException e) {
            return ResponseEntity.status(503).body(Map.of("status", "DOWN", "reason", "database does not answer"));
        }
    }
}
