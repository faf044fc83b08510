package io.marketops.reports.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the reports module ({@code marketops.reports.*}, environment {@code MARKETOPS_REPORTS_*}).
 *
 * @param cjkFont           TrueType-outline font (TTF or TTC) with Chinese glyphs for PDFs and charts; default WenQuanYi Micro
 *                          Hei from Debian's fonts-wqy-microhei ({@code /usr/share/fonts/truetype/wqy/wqy-microhei.ttc}).
 *                          CFF-outline fonts (Noto CJK .otf/.ttc) cannot be embedded by the PDF renderer.
 * @param publicUrl         the address people open MarketOps at (e.g. {@code https://marketops.example.cn}), for links in
 *                          e-mails and robot messages; empty leaves links out
 * @param scheduler         whether scheduled reports are built (default true)
 * @param pollInterval      how often due schedules and deliveries are looked for (default 30 s)
 * @param maxAttempts       delivery attempts before a delivery is marked failed (default 5)
 * @param retryBackoff      wait before the 2nd attempt; doubles for each further attempt (default 1 min: 1, 2, 4, 8 min)
 * @param timeout           connect and read timeout for SMTP and webhooks (default 10 s)
 * @param moversPerMetric   top movers listed per breakdown and metric (default 3)
 */
@ConfigurationProperties("marketops.reports")
public record ReportsProperties(Path cjkFont, String publicUrl, Boolean scheduler, Duration pollInterval, Integer maxAttempts,
                                Duration retryBackoff, Duration timeout, Integer moversPerMetric) {
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    public ReportsProperties {
        if (cjkFont == null) cjkFont = DEFAULT_FONT;
        if (publicUrl == null) publicUrl = "";
        publicUrl = publicUrl.replaceAll("/+$", "");
        if (scheduler == null) scheduler = true;
        if (pollInterval == null) pollInterval = Duration.ofSeconds(30);
        if (maxAttempts == null) maxAttempts = 5;
        if (maxAttempts < 1) throw new IllegalArgumentException("marketops.reports.max-attempts must be 1 or more, was " + maxAttempts);
        if (retryBackoff == null) retryBackoff = Duration.ofMinutes(1);
        if (timeout == null) timeout = Duration.ofSeconds(10);
        if (moversPerMetric == null) moversPerMetric = 3;
    }

    public static ReportsProperties defaults() {
        return new ReportsProperties(null, null, null, null, null, null, null, null);
    }
}
