package io.sandmle.reports.sections;

import io.sandmle.reports.model.Block;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Figure;
import io.sandmle.reports.model.Notice;
import io.sandmle.reports.model.Paragraph;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.model.Table;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/** Collects the blocks of one section in order. */
final class Blocks {

    private final String id;
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    Blocks(String id, String title) {
        this.id = id;
        this.title = title;
    }

    Blocks text(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    Blocks notice(String text) {
        blocks.add(new Notice(text));
        return this;
    }

    Blocks table(String caption, List<String> headers, List<List<Cell>> rows) {
        blocks.add(new Table(caption, headers, rows));
        return this;
    }

    Blocks figure(String name, String caption, JFreeChart chart, int width, int height) {
        blocks.add(new Figure(id + "-" + name, caption, chart, width, height));
        return this;
    }

    Section done() {
        return new Section(id, title, blocks);
    }
}
