package io.sandmle.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded font: Liberation Sans, which ships inside the PDFBox jar, so the PDF looks the same
 * on every machine and needs no system fonts. Characters it lacks are replaced, never dropped
 * silently into an exception.
 */
final class PdfFonts {

    private static final String LIBERATION = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDType0Font font;
    private final Map<Integer, Boolean> supported = new HashMap<>();

    PdfFonts(PDDocument doc) throws IOException {
        try (InputStream in = PDDocument.class.getResourceAsStream(LIBERATION)) {
            if (in == null) {
                throw new IOException("the PDFBox jar lacks its Liberation Sans font (" + LIBERATION + ")");
            }
            this.font = PDType0Font.load(doc, in, true);
        }
    }

    PDType0Font font() {
        return font;
    }

    /** The text with every character the font cannot draw replaced by a close ASCII stand-in. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (supported.computeIfAbsent(cp, this::canEncode)) {
                out.appendCodePoint(cp);
            } else {
                out.append(switch (cp) {
                    case 0x0304 -> "";
                    case 0x2192 -> "->";
                    case 0x25B2, 0x25BC -> "";
                    default -> "?";
                });
            }
        });
        return out.toString();
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.5f;
        }
    }

    private boolean canEncode(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
