package io.sandmle.reports.model;

import java.util.List;

/**
 * One titled part of the report.
 *
 * @param id     anchor name
 * @param title  heading
 * @param blocks content in order
 */
public record Section(String id, String title, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }

    /** The notices (what could not be computed) in this section. */
    public List<Notice> notices() {
        return blocks.stream().filter(Notice.class::isInstance).map(Notice.class::cast).toList();
    }
}
