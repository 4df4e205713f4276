package io.sandmle.reports.html;

import io.sandmle.reports.charts.SvgExport;
import io.sandmle.reports.model.Block;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Figure;
import io.sandmle.reports.model.HtmlFragment;
import io.sandmle.reports.model.Notice;
import io.sandmle.reports.model.Paragraph;
import io.sandmle.reports.model.ReportDocument;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML file: inline CSS, inline SVG charts,
 * a little inline JavaScript to sort tables; nothing is fetched from the network.
 */
public final class HtmlRenderer {

    private HtmlRenderer() {
    }

    public static String render(ReportDocument doc) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(doc.title())).append("</title><style>").append(resource("report.css"))
                .append("</style></head><body><header><h1>").append(esc(doc.title())).append("</h1><p class=\"sub\">")
                .append(esc(doc.subtitle())).append("</p><nav>");
        for (Section s : doc.sections()) {
            h.append("<a href=\"#").append(s.id()).append("\">").append(esc(s.title())).append("</a>");
        }
        h.append("</nav></header><main>");
        int figure = 0;
        for (Section s : doc.sections()) {
            h.append("<section id=\"").append(s.id()).append("\" data-section=\"").append(s.id()).append("\"><h2>")
                    .append(esc(s.title())).append("</h2>");
            for (Block b : s.blocks()) {
                figure += block(h, b, figure);
            }
            h.append("</section>");
        }
        h.append("</main><script>").append(resource("sort.js")).append("</script></body></html>\n");
        return h.toString();
    }

    /** Appends one block; returns how many figures it drew. */
    private static int block(StringBuilder h, Block block, int figureIndex) {
        if (block instanceof Paragraph p) {
            h.append("<p>").append(esc(p.text())).append("</p>");
        } else if (block instanceof Notice n) {
            h.append("<div class=\"notice\" role=\"note\"><b>Not computed / caution:</b> ")
                    .append(esc(n.text())).append("</div>");
        } else if (block instanceof Table t) {
            table(h, t);
        } else if (block instanceof HtmlFragment f) {
            h.append("<div class=\"plugin\" data-plugin=\"").append(esc(f.plugin())).append("\">").append(f.html())
                    .append("</div>");
        } else if (block instanceof Figure f) {
            h.append("<figure id=\"fig-").append(f.id()).append("\">")
                    .append(SvgExport.svg(f.chart(), f.width(), f.height(), "f" + figureIndex + "_"))
                    .append("<figcaption>").append(esc(f.caption())).append("</figcaption></figure>");
            return 1;
        }
        return 0;
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<div class=\"tw\"><table class=\"sortable\"><caption>").append(esc(t.caption()))
                .append("</caption><thead><tr>");
        for (String head : t.headers()) {
            h.append("<th title=\"click to sort\">").append(esc(head)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<Cell> row : t.rows()) {
            h.append("<tr>");
            for (Cell c : row) {
                if (Double.isNaN(c.sortKey())) {
                    h.append("<td>");
                } else {
                    h.append("<td class=\"num\" data-sort=\"").append(c.sortKey()).append("\">");
                }
                h.append(esc(c.text())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
