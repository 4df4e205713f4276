package io.sandmle.reports.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** For each system, the bootstrap probability of holding rank 1, 2, … as one stacked bar. */
public final class RankDistributionChart {

    private RankDistributionChart() {
    }

    /** @param probability {@code probability[system][rank − 1]} */
    public static JFreeChart create(String title, List<String> systems, double[][] probability) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int r = 0; r < systems.size(); r++) {
            for (int s = 0; s < systems.size(); s++) {
                data.addValue(probability[s][r], "rank " + (r + 1), systems.get(s));
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        for (int r = 0; r < systems.size(); r++) {
            renderer.setSeriesPaint(r, ChartStyle.color(r));
        }
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(ChartStyle.TICK);
        NumberAxis y = new NumberAxis("probability of rank (task bootstrap)");
        y.setRange(0, 1);
        y.setLabelFont(ChartStyle.LABEL);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        return ChartStyle.finish(new JFreeChart(title, ChartStyle.TITLE, plot, true));
    }
}
