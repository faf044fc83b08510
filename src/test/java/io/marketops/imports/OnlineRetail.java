package io.marketops.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The UCI Online Retail data set (CC0) from {@code ../shared/data/online-retail/}: 541,909 order
 * lines. Its README's figures are what the orders import must reproduce.
 */
final class OnlineRetail {
    static final long LINES = 541_909;
    static final long INVOICES = 25_900;
    static final long PAID_INVOICES_WITH_CUSTOMER = 18_536;
    static final long CUSTOMERS_WITH_PAID_ORDER = 4_339;
    static final long CUSTOMER_IDS = 4_372;
    /** £8,911,407.904 in the README; orders keep pennies, so invoices are rounded one by one. */
    static final String REVENUE = "8911407.904";
    /** The shop's wall-clock time. */
    static final String MAPPING = "{\"defaults\":{\"currency\":\"GBP\",\"channel\":\"web\"},\"timezone\":\"Europe/London\"}";

    private OnlineRetail() {
    }

    static Optional<Path> gz() {
        for (String base : new String[]{"../shared", "../../shared", "/work/shared"}) {
            Path p = Path.of(base, "data", "online-retail", "online_retail.csv.gz");
            if (Files.exists(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static byte[] csv(Path gz) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
