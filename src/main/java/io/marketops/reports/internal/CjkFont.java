package io.marketops.reports.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Chinese font for PDFs and chart images, loaded from the system at run time (not shipped: its licence is the
 * system package's). PDFBox embeds only TrueType (glyf) outlines, so the default is WenQuanYi Micro Hei; Noto CJK's
 * CFF outlines do not work. Charts fall back to Java's sans-serif when it is missing; PDFs refuse with a clear error.
 */
@Component
public class CjkFont {
    /** The family name the report CSS uses for every text. */
    public static final String FAMILY = "MarketOps CJK";
    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);
    private final Path path;
    private volatile Font awt;

    public CjkFont(ReportsProperties properties) {
        this.path = properties.cjkFont();
        if (!Files.isReadable(path)) log.warn("{}", missingMessage(path));
    }

    public Path path() {
        return path;
    }

    public boolean available() {
        return Files.isReadable(path);
    }

    /** The font file for the PDF renderer; throws {@link Missing} naming the path and the fix. */
    public Path require() {
        if (!available()) throw new Missing(missingMessage(path));
        return path;
    }

    /** The font for chart text at {@code size} points. */
    public Font awt(float size) {
        Font f = awt;
        if (f == null) {
            f = load();
            awt = f;
        }
        return f.deriveFont(size);
    }

    private Font load() {
        if (!available()) return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        try {
            Font[] fonts = Font.createFonts(path.toFile());
            return fonts[0];
        } catch (IOException | FontFormatException e) {
            log.warn("cannot read the CJK font {} for charts: {}", path, e.getMessage());
            return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }
    }

    static String missingMessage(Path path) {
        return "Chinese font not found at " + path + ": PDF reports need a TrueType-outline CJK font. Install Debian's "
                + "fonts-wqy-microhei (apt-get install fonts-wqy-microhei) or set MARKETOPS_REPORTS_CJK_FONT to a .ttf/.ttc with "
                + "TrueType outlines (Noto CJK .otf/.ttc files have CFF outlines and do not embed).";
    }

    /** No usable CJK font: the message says which path was tried and how to fix it. */
    public static class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }
}
