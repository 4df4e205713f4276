package io.sandmle.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/** One look for every chart: white ground, light grid, a colour-blind-safe palette (Okabe–Ito). */
public final class ChartStyle {

    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(0xDDDDDD);

    private ChartStyle() {
    }

    /** Colour of the i-th system. */
    public static Paint color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** Translucent version of the i-th colour for CI bands. */
    static Color band(int i) {
        Color c = (Color) color(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 60);
    }

    static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            styleXY(xy);
        }
        return chart;
    }

    static void styleXY(XYPlot xy) {
        xy.setBackgroundPaint(Color.WHITE);
        xy.setDomainGridlinePaint(GRID);
        xy.setRangeGridlinePaint(GRID);
        xy.setDomainGridlineStroke(new BasicStroke(0.5f));
        xy.setRangeGridlineStroke(new BasicStroke(0.5f));
        if (xy.getDomainAxis() != null) {
            xy.getDomainAxis().setLabelFont(LABEL);
            xy.getDomainAxis().setTickLabelFont(TICK);
        }
        if (xy.getRangeAxis() != null) {
            xy.getRangeAxis().setLabelFont(LABEL);
            xy.getRangeAxis().setTickLabelFont(TICK);
        }
    }
}
