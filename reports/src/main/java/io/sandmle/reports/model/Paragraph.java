package io.sandmle.reports.model;

/** Plain explanatory text. */
public record Paragraph(String text) implements Block {
}
