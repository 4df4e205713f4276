package io.sandmle.reports.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A labelled matrix as a coloured grid: the probability-of-improvement matrix (rows beat columns)
 * and the per-task heatmap (systems × tasks). Cells with NaN are left blank; values are printed
 * in the cells when the grid is small enough to read them.
 */
public final class MatrixHeatmap {

    private static final int ANNOTATE_MAX_CELLS = 64;
    private static final int COLUMN_LABELS_MAX = 40;

    private MatrixHeatmap() {
    }

    /**
     * @param values {@code values[row][column]}
     * @param low    value drawn in the coldest colour
     * @param high   value drawn in the warmest colour
     */
    public static JFreeChart create(String title, String columnLabel, List<String> rows, List<String> columns,
                                    double[][] values, double low, double high, String scaleLabel) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        int n = rows.size() * columns.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        int k = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                xs[k] = c;
                ys[k] = r;
                zs[k++] = values[r][c];
            }
        }
        data.addSeries("values", new double[][]{xs, ys, zs});
        XYBlockRenderer renderer = new XYBlockRenderer();
        DivergingScale scale = new DivergingScale(low, high);
        renderer.setPaintScale(scale);
        NumberAxis xAxis = columns.size() <= COLUMN_LABELS_MAX
                ? new SymbolAxis(columnLabel, columns.toArray(String[]::new)) : new NumberAxis(columnLabel);
        if (xAxis instanceof SymbolAxis sx) {
            sx.setGridBandsVisible(false);
            sx.setVerticalTickLabels(columns.size() > 8);
        }
        xAxis.setRange(-0.5, columns.size() - 0.5);
        SymbolAxis yAxis = new SymbolAxis(null, rows.toArray(String[]::new));
        yAxis.setGridBandsVisible(false);
        yAxis.setInverted(true);
        yAxis.setRange(-0.5, rows.size() - 0.5);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        ChartStyle.styleXY(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (n <= ANNOTATE_MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(zs[i])) {
                    XYTextAnnotation a = new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", zs[i]), xs[i], ys[i]);
                    a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
        NumberAxis scaleAxis = new NumberAxis(scaleLabel);
        scaleAxis.setRange(low, high == low ? low + 1 : high);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 8, 4, 4);
        chart.addSubtitle(legend);
        return ChartStyle.finish(chart);
    }

    /** Blue (low) through white (middle) to orange (high); NaN is light grey. */
    private record DivergingScale(double low, double high) implements PaintScale {

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return new Color(0xEEEEEE);
            }
            double span = high - low;
            double f = span <= 0 ? 0.5 : Math.max(0, Math.min(1, (value - low) / span));
            Color cold = new Color(0x2166AC);
            Color hot = new Color(0xE66101);
            return f < 0.5 ? mix(cold, Color.WHITE, f * 2) : mix(Color.WHITE, hot, (f - 0.5) * 2);
        }

        private static Color mix(Color a, Color b, double t) {
            return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                    (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                    (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
        }
    }
}
