package io.sandmle.reports.pdf;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import io.sandmle.reports.model.Block;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Figure;
import io.sandmle.reports.model.HtmlFragment;
import io.sandmle.reports.model.Notice;
import io.sandmle.reports.model.Paragraph;
import io.sandmle.reports.model.ReportDocument;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.model.Table;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Renders a {@link ReportDocument} to PDF on landscape A4 pages: wrapped text, tables that shrink
 * their font to fit the width and repeat their header across pages, and charts as vector forms.
 */
public final class PdfRenderer {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float BODY = 9.5f;
    private static final float TABLE = 7.5f;
    private static final float MIN_TABLE = 4.5f;

    private final PDDocument doc;
    private final PdfFonts fonts;
    private PDPageContentStream out;
    private float y;

    private PdfRenderer(PDDocument doc) throws IOException {
        this.doc = doc;
        this.fonts = new PdfFonts(doc);
    }

    /** Writes the document to {@code file}. */
    public static void render(ReportDocument report, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfRenderer r = new PdfRenderer(doc);
            r.newPage();
            r.text(report.title(), 18, Color.BLACK);
            r.text(report.subtitle(), BODY, Color.DARK_GRAY);
            for (Section s : report.sections()) {
                r.section(s);
            }
            r.out.close();
            doc.getDocumentInformation().setTitle(report.title());
            doc.save(file.toFile());
        }
    }

    private void section(Section s) throws IOException {
        need(60);
        y -= 8;
        text(s.title(), 14, new Color(0x0072B2));
        for (Block b : s.blocks()) {
            if (b instanceof Paragraph p) {
                text(p.text(), BODY, Color.BLACK);
            } else if (b instanceof Notice n) {
                text("Not computed / caution: " + n.text(), BODY, new Color(0xA04000));
            } else if (b instanceof Table t) {
                table(t);
            } else if (b instanceof Figure f) {
                figure(f);
            } else if (b instanceof HtmlFragment f) {
                text("This section comes from the report-section plugin '" + f.plugin() + "' as HTML; see index.html.",
                        BODY, Color.DARK_GRAY);
            }
        }
    }

    private void text(String text, float size, Color color) throws IOException {
        for (String line : wrap(fonts.printable(text), size, WIDTH)) {
            need(size * 1.35f);
            write(line, MARGIN, y - size, size, color);
            y -= size * 1.35f;
        }
        y -= 3;
    }

    private void table(Table t) throws IOException {
        int cols = t.headers().size();
        List<List<String>> cells = new ArrayList<>();
        for (List<Cell> row : t.rows()) {
            cells.add(row.stream().map(c -> fonts.printable(c.text())).toList());
        }
        List<String> headers = t.headers().stream().map(fonts::printable).toList();
        float size = TABLE;
        float[] widths = columnWidths(headers, cells, size);
        float total = sum(widths);
        if (total > WIDTH) {
            size = Math.max(MIN_TABLE, size * WIDTH / total);
            widths = columnWidths(headers, cells, size);
            total = sum(widths);
            if (total > WIDTH) {
                for (int c = 0; c < cols; c++) {
                    widths[c] *= WIDTH / total;
                }
            }
        }
        text(t.caption(), BODY - 1, Color.DARK_GRAY);
        float[] w = widths;
        float s = size;
        Runnable header = () -> row(headers, w, s, true);
        header.run();
        for (List<String> row : cells) {
            if (y - s * 1.5f < MARGIN) {
                newPage();
                header.run();
            }
            row(row, w, s, false);
        }
        y -= 6;
    }

    private float[] columnWidths(List<String> headers, List<List<String>> cells, float size) {
        float[] w = new float[headers.size()];
        for (int c = 0; c < w.length; c++) {
            for (String word : headers.get(c).split(" ")) {
                w[c] = Math.max(w[c], fonts.width(word, size));
            }
            for (List<String> row : cells) {
                if (c < row.size()) {
                    w[c] = Math.max(w[c], fonts.width(row.get(c), size));
                }
            }
            w[c] += size;
        }
        return w;
    }

    /** Draws one table row; header rows wrap their words and get a shaded background. */
    private void row(List<String> values, float[] widths, float size, boolean header) {
        try {
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < widths.length; c++) {
                String v = c < values.size() ? values.get(c) : "";
                List<String> l = header ? wrap(v, size, widths[c] - size / 2) : List.of(clip(v, size, widths[c]));
                lines.add(l);
                height = Math.max(height, l.size());
            }
            float rowHeight = height * size * 1.25f + 2;
            need(rowHeight);
            if (header) {
                out.setNonStrokingColor(new Color(0xEEF2F6));
                out.addRect(MARGIN, y - rowHeight, sum(widths), rowHeight);
                out.fill();
            }
            float x = MARGIN;
            for (int c = 0; c < widths.length; c++) {
                for (int i = 0; i < lines.get(c).size(); i++) {
                    write(lines.get(c).get(i), x + 2, y - size * (1.1f + 1.25f * i), size, Color.BLACK);
                }
                x += widths[c];
            }
            y -= rowHeight;
            out.setStrokingColor(new Color(0xDDDDDD));
            out.moveTo(MARGIN, y);
            out.lineTo(MARGIN + sum(widths), y);
            out.stroke();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void figure(Figure f) throws IOException {
        float scale = Math.min(1f, WIDTH / f.width());
        float height = f.height() * scale;
        float maxHeight = PAGE.getHeight() - 2 * MARGIN - 40;
        if (height > maxHeight) {
            scale *= maxHeight / height;
            height = maxHeight;
        }
        need(height + 30);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, f.width(), f.height());
        f.chart().draw(g, new Rectangle(f.width(), f.height()));
        g.dispose();
        PDFormXObject form = g.getXFormObject();
        out.saveGraphicsState();
        out.transform(new org.apache.pdfbox.util.Matrix(scale, 0, 0, scale, MARGIN, y - height));
        out.drawForm(form);
        out.restoreGraphicsState();
        y -= height + 4;
        text(f.caption(), BODY - 1, Color.DARK_GRAY);
    }

    private void write(String s, float x, float baseline, float size, Color color) throws IOException {
        out.beginText();
        out.setFont(fonts.font(), size);
        out.setNonStrokingColor(color);
        out.newLineAtOffset(x, baseline);
        out.showText(s);
        out.endText();
    }

    private List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fonts.width(candidate, size) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private String clip(String s, float size, float width) {
        if (fonts.width(s, size) <= width - size / 2) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && fonts.width(t + "...", size) > width - size / 2) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
