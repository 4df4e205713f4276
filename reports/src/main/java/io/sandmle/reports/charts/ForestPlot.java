package io.sandmle.reports.charts;

import io.sandmle.reports.stats.Estimate;
import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * rliable-style interval estimates: one panel per metric, one row per system, a dot at the point
 * estimate and a horizontal bar for its 95 % CI. Also used for paired differences (one panel).
 */
public final class ForestPlot {

    private ForestPlot() {
    }

    /** @param panels metric name → estimate per row (same order as {@code rows}); NaN points are skipped */
    public static JFreeChart create(String title, List<String> rows, Map<String, Estimate[]> panels) {
        SymbolAxis rowAxis = new SymbolAxis(null, rows.toArray(String[]::new));
        rowAxis.setInverted(true);
        rowAxis.setGridBandsVisible(false);
        rowAxis.setTickLabelFont(ChartStyle.TICK);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(rowAxis);
        combined.setGap(40); // room for the edge tick labels of two neighbouring panels
        for (Map.Entry<String, Estimate[]> panel : panels.entrySet()) {
            combined.add(panel(panel.getKey(), panel.getValue()));
        }
        return ChartStyle.finish(new JFreeChart(title, ChartStyle.TITLE, combined, false));
    }

    private static XYPlot panel(String metric, Estimate[] estimates) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (int i = 0; i < estimates.length; i++) {
            XYIntervalSeries series = new XYIntervalSeries("row " + i);
            Estimate e = estimates[i];
            if (!Double.isNaN(e.point())) {
                double lo = e.hasInterval() ? e.low() : e.point();
                double hi = e.hasInterval() ? e.high() : e.point();
                series.add(e.point(), lo, hi, i, i, i);
            }
            data.addSeries(series);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new BasicStroke(2f));
        for (int i = 0; i < estimates.length; i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
        }
        renderer.setDefaultLinesVisible(false);
        NumberAxis axis = new NumberAxis(metric);
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(0.01); // identical values would otherwise get a ±5e-9 axis
        XYPlot plot = new XYPlot(data, axis, null, renderer);
        ChartStyle.styleXY(plot);
        return plot;
    }
}
