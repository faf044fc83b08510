package io.marketops.reports.internal;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report as PDF: the same XHTML as the page, laid out by openhtmltopdf (PDFBox) with the CJK font embedded as a
 * subset so Chinese reads and copies correctly everywhere; charts are the embedded PNGs. The font (5 MB, 30,000
 * glyphs) is parsed once and shared, so renders are serialised: a parsed font is not safe for concurrent reads.
 */
@Component
public class ReportPdf {
    private final CjkFont font;
    private TrueTypeFont parsed;

    static {
        // openhtmltopdf logs every font load and layout step at INFO through java.util.logging; only problems matter here
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    ReportPdf(CjkFont font) {
        this.font = font;
    }

    public synchronized byte[] render(String xhtml, String title) {
        File fontFile = font.require().toFile();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocument doc = new PDDocument();
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.usePDDocument(doc);
            b.useFont(new PDFontSupplier(PDType0Font.load(doc, trueType(fontFile), true)), CjkFont.FAMILY);
            b.withProducer("MarketOps");
            b.withHtmlContent(xhtml, null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF of " + title, e);
        }
    }

    /** The first font of a .ttc collection, or the .ttf itself. */
    private TrueTypeFont trueType(File file) throws IOException {
        if (parsed == null) {
            if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                TrueTypeCollection ttc = new TrueTypeCollection(file);
                ttc.processAllFonts(f -> { if (first[0] == null) first[0] = f; });
                parsed = first[0];
            } else {
                parsed = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            }
        }
        return parsed;
    }
}
