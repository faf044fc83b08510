package io.marketops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTests {
    /** 2026-11-21 20:00 UTC is already 2026-11-22 in Shanghai, so yesterday there is the 21st. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T20:00:00Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--days abc          | --days must be a whole number",
            "--days 0            | --days must be between 1 and",
            "--end 2026-13-01    | --end must be a date",
            "--events -5         | --events must be between 0 and",
            "--seed              | --seed needs a value",
            "--workspace 0       | --workspace must be between 1 and",
            "--zone Mars/Base    | --zone must be a time zone",
            "--colour blue       | unknown argument --colour",
            "--events 20M --days 2 | --events 20,000,000 is more than 5,000,000 a day",
    })
    void rejectsABadArgumentNamingItWithExitCode2(String args, String message) {
        int code = run(args.trim().split(" "));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("generate: " + message).doesNotContain("Exception");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void printsUsageForHelp() {
        assertThat(run("generate", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: marketops generate").contains("--events", "--replace");
    }

    @Test
    void defaultsToSeed42AndYesterdayInShanghai() {
        GenerateArguments a = GenerateArguments.parse(new String[]{"generate"}, CLOCK);

        assertThat(a.spec()).isEqualTo(new GeneratorSpec(42, 1, LocalDate.of(2026, 11, 21), 180, GeneratorSpec.DEFAULT_ZONE, 0));
        assertThat(a.out()).isEqualTo(Path.of("bench-data"));
    }

    @Test
    void acceptsEqualsSignsAndSuffixedCounts() {
        GenerateArguments a = GenerateArguments.parse(new String[]{"--events=10M", "--seed", "7", "--end=2026-06-30", "--days", "90"}, CLOCK);

        assertThat(a.spec().targetEvents()).isEqualTo(10_000_000);
        assertThat(a.spec().seed()).isEqualTo(7);
        assertThat(a.spec().from()).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void writesWarehouseParquetAndManifestAndRefusesToOverwriteUnlessAsked(@TempDir Path dir) throws Exception {
        String[] args = {"generate", "--days", "10", "--events", "15000", "--end", "2026-11-20", "--workspace", "3", "--out", dir.toString()};

        assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();

        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        long events = manifest.at("/counts/events").asLong();
        assertThat(events).isBetween(13_500L, 16_500L);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("generated ").contains("events", "orders");
        try (Stream<Path> files = Files.walk(dir.resolve("parquet/events/workspace_id=3"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet"))).isNotEmpty();
        }
        assertThat(eventsIn(dir, 3)).isEqualTo(events);

        err.reset();
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workspace 3 already has", "--replace");

        String[] replacing = Stream.concat(Stream.of(args), Stream.of("--replace")).toArray(String[]::new);
        assertThat(run(replacing)).isZero();
        assertThat(eventsIn(dir, 3)).isEqualTo(events);
    }

    private static long eventsIn(Path dir, long workspace) {
        try (StandaloneWarehouse w = StandaloneWarehouse.open(dir)) {
            return w.sql().sql("SELECT count(*) FROM events WHERE workspace_id = ?").param(workspace).query(Long.class).single();
        }
    }
}
