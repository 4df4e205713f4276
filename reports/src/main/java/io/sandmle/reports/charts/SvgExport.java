package io.sandmle.reports.charts;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws a chart as an SVG element for inline use in HTML. */
public final class SvgExport {

    private SvgExport() {
    }

    /** @param idPrefix unique per document, so clip-path ids of several inline SVGs never collide */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle(width, height));
        return g.getSVGElement(idPrefix, true, new ViewBox(0, 0, width, height), null, null);
    }
}
