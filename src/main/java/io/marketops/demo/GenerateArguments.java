package io.marketops.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The {@code generate} command line, parsed and checked; each mistake names its argument. */
record GenerateArguments(GeneratorSpec spec, Path out, boolean replace, boolean help) {

    static final String USAGE = """
            Usage: marketops generate [options]
              Writes a deterministic demo/benchmark data set (events, orders, customers, ad costs,
              content metrics) into a standalone warehouse, exports Parquet partitions and manifest.json.

              --seed N         random seed (default 42); the same options always give the same data
              --days N         days of data, 1-%d (default %d)
              --end DATE       last day, yyyy-MM-dd (default: yesterday in the time zone)
              --events N       target number of events, e.g. 10000000 or 10M (default: demo size, ~750k for 180 days)
              --out DIR        warehouse directory (default ./bench-data)
              --workspace N    workspace id of the rows (default 1)
              --zone ZONE      time zone of the dates (default Asia/Shanghai)
              --replace        delete the workspace's existing data in DIR first
              --help           show this help
            """.formatted(GeneratorSpec.MAX_DAYS, GeneratorSpec.DEFAULT_DAYS);

    /** Raised for a bad command line; the message is the one line to show. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static GenerateArguments parse(String[] args, Clock clock) {
        long seed = 42, events = 0, workspace = 1;
        int days = GeneratorSpec.DEFAULT_DAYS;
        LocalDate end = null;
        ZoneId zone = GeneratorSpec.DEFAULT_ZONE;
        Path out = Path.of("bench-data");
        boolean replace = false;
        int i = args.length > 0 && args[0].equals("generate") ? 1 : 0;
        for (; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return new GenerateArguments(null, out, false, true);
                }
                case "--replace" -> replace = true;
                case "--seed", "--days", "--end", "--events", "--out", "--workspace", "--zone" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new Invalid(arg + " needs a value");
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--seed" -> seed = number(arg, value, Long.MIN_VALUE, Long.MAX_VALUE);
                        case "--days" -> days = (int) number(arg, value, 1, GeneratorSpec.MAX_DAYS);
                        case "--events" -> events = number(arg, value, 0, GeneratorSpec.MAX_TARGET_EVENTS);
                        case "--workspace" -> workspace = number(arg, value, 1, Long.MAX_VALUE);
                        case "--end" -> end = date(value);
                        case "--out" -> out = path(value);
                        default -> zone = zone(value);
                    }
                }
                default -> throw new Invalid("unknown argument " + args[i] + " (see --help)");
            }
        }
        if (events > days * GeneratorSpec.MAX_EVENTS_PER_DAY) {
            throw new Invalid(String.format(Locale.ROOT, "--events %,d is more than %,d a day over --days %d; raise --days",
                    events, GeneratorSpec.MAX_EVENTS_PER_DAY, days));
        }
        if (end == null) end = LocalDate.now(clock.withZone(zone)).minusDays(1);
        return new GenerateArguments(new GeneratorSpec(seed, workspace, end, days, zone, events), out, replace, false);
    }

    /** A whole number; underscores and commas are ignored and k/M suffixes allowed ({@code 10M}). */
    private static long number(String arg, String text, long min, long max) {
        String s = text.replace("_", "").replace(",", "").trim();
        long unit = 1;
        if (s.length() > 1) {
            char last = Character.toLowerCase(s.charAt(s.length() - 1));
            if (last == 'k' || last == 'm') {
                unit = last == 'k' ? 1_000 : 1_000_000;
                s = s.substring(0, s.length() - 1);
            }
        }
        long n;
        try {
            n = Math.multiplyExact(Long.parseLong(s), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Invalid(arg + " must be a whole number, got '" + text + "'");
        }
        if (n < min || n > max) {
            throw new Invalid(arg + " must be between " + format(min) + " and " + format(max) + ", got " + format(n));
        }
        return n;
    }

    private static String format(long n) {
        return n == Long.MAX_VALUE ? "any" : n == Long.MIN_VALUE ? "any" : String.format(Locale.ROOT, "%,d", n);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid("--end must be a date like 2026-11-20, got '" + text + "'");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new Invalid("--zone must be a time zone like Asia/Shanghai, got '" + text + "'");
        }
    }

    private static Path path(String text) {
        if (text.isBlank()) throw new Invalid("--out must be a directory path");
        try {
            return Path.of(text);
        } catch (RuntimeException e) {
            throw new Invalid("--out is not a valid path: '" + text + "'");
        }
    }
}
