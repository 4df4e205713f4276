package io.sandmle.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.reports.model.Block;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Notice;
import io.sandmle.reports.model.ReportDocument;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.model.Table;
import io.sandmle.support.Json;
import java.util.List;

/**
 * The report's tables and notices as JSON ({@code report.json}), for scripts that compare runs or record a
 * result: the same numbers as the HTML and PDF, each cell with its shown text and, when it is a number, its value.
 * Figures and explanatory paragraphs are left to the HTML and PDF.
 */
public final class JsonRenderer {

    private JsonRenderer() {
    }

    public static ObjectNode render(ReportDocument doc) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("title", doc.title());
        root.put("subtitle", doc.subtitle());
        ArrayNode sections = root.putArray("sections");
        for (Section section : doc.sections()) {
            ObjectNode s = sections.addObject();
            s.put("id", section.id());
            s.put("title", section.title());
            ArrayNode tables = s.putArray("tables");
            ArrayNode notices = s.putArray("notices");
            for (Block block : section.blocks()) {
                if (block instanceof Table t) {
                    tables.add(table(t));
                } else if (block instanceof Notice n) {
                    notices.add(n.text());
                }
            }
        }
        return root;
    }

    private static ObjectNode table(Table t) {
        ObjectNode table = Json.MAPPER.createObjectNode();
        table.put("caption", t.caption());
        ArrayNode headers = table.putArray("headers");
        t.headers().forEach(headers::add);
        ArrayNode rows = table.putArray("rows");
        for (List<Cell> row : t.rows()) {
            ArrayNode cells = rows.addArray();
            for (Cell c : row) {
                ObjectNode cell = cells.addObject();
                cell.put("text", c.text());
                if (Double.isFinite(c.sortKey())) {
                    cell.put("value", c.sortKey());
                }
            }
        }
        return table;
    }
}
