package io.sandmle.reports.model;

import org.jfree.chart.JFreeChart;

/**
 * A chart with its caption, drawn as SVG in HTML and as vector graphics in the PDF.
 *
 * @param id      file-safe name (also the figures/ file name)
 * @param caption what the chart shows, including its intervals
 * @param chart   the chart
 * @param width   preferred width in points/pixels
 * @param height  preferred height
 */
public record Figure(String id, String caption, JFreeChart chart, int width, int height) implements Block {
}
