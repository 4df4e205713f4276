package io.sandmle.reports.charts;

import io.sandmle.reports.stats.Estimate;
import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines with shaded 95 % bands: performance profiles (F(τ) vs τ) and learning curves (metric vs
 * step).
 */
public final class BandChart {

    /** One line: its name, x values, and the estimate (point and band) at each x. */
    public record Line(String name, double[] x, Estimate[] y) {
    }

    private BandChart() {
    }

    public static JFreeChart create(String title, String xLabel, String yLabel, List<Line> lines) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Line line : lines) {
            YIntervalSeries series = new YIntervalSeries(line.name());
            for (int i = 0; i < line.x().length; i++) {
                Estimate e = line.y()[i];
                series.add(line.x()[i], e.point(), e.hasInterval() ? e.low() : e.point(),
                        e.hasInterval() ? e.high() : e.point());
            }
            data.addSeries(series);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesFillPaint(i, ChartStyle.band(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setAlpha(0.25f);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        x.setAutoRangeMinimumSize(0.01);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeMinimumSize(0.01); // a flat line would otherwise get a ±5e-9 axis
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        return ChartStyle.finish(chart);
    }
}
