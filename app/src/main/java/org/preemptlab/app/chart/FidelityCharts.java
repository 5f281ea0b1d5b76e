package org.preemptlab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a history replay against what really ran: predicted against actual start times
 * (one colour per group, the diagonal and the tolerance band drawn), and the distribution of the
 * start errors with the tolerance band. Built from plain arrays in the time unit of the axes.
 */
public final class FidelityCharts {

    /** The tolerance band's fill. */
    public static final Color BAND = new Color(0x54A24B);
    /** The diagonal "predicted = actual". */
    public static final Color DIAGONAL = new Color(0x333333);

    private FidelityCharts() {}

    /**
     * Predicted against actual start, one series per group, with the line predicted = actual and the
     * band within ± {@code tolerance} of it.
     *
     * @param tolerance the tolerance in the axes' unit
     */
    public static JFreeChart scatter(String title, String subtitle, String unit, List<String> groups, List<double[]> actual,
            List<double[]> predicted, double tolerance) {
        XYSeriesCollection data = new XYSeriesCollection();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < groups.size(); k++) {
            XYSeries s = new XYSeries(groups.get(k), false, true);
            for (int i = 0; i < actual.get(k).length; i++) {
                s.add(actual.get(k)[i], predicted.get(k)[i], false);
                lo = Math.min(lo, Math.min(actual.get(k)[i], predicted.get(k)[i]));
                hi = Math.max(hi, Math.max(actual.get(k)[i], predicted.get(k)[i]));
            }
            data.addSeries(s);
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double pad = Math.max((hi - lo) * 0.04, tolerance / 4);
        lo = lo >= 0 ? Math.max(0, lo - pad) : lo - pad; // starts are ≥ 0: no negative room for the band's sake
        hi += pad;
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < groups.size(); k++) {
            r.setSeriesPaint(k, PlannerCharts.LINES[(k + 1) % PlannerCharts.LINES.length]);
            r.setSeriesShape(k, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis x = PlannerCharts.axis("actual start (" + unit + " since the history's first submit)");
        NumberAxis y = PlannerCharts.axis("predicted start (" + unit + ")");
        x.setRange(lo, hi);
        y.setRange(lo, hi);
        XYPlot plot = new XYPlot(data, x, y, r);
        Color fill = new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), 48);
        plot.addAnnotation(new XYPolygonAnnotation(new double[] {lo, lo - tolerance, hi, hi - tolerance, hi, hi + tolerance, lo,
            lo + tolerance}, null, null, fill), false);
        plot.addAnnotation(new XYLineAnnotation(lo, lo, hi, hi, new BasicStroke(1.2f), DIAGONAL), false);
        return PlannerCharts.styled(new JFreeChart(title, PlannerCharts.TITLE, plot, true), subtitle);
    }

    /**
     * A histogram of start errors (predicted − actual), the band ± {@code tolerance} shaded and 0 marked.
     *
     * @param edges  bin edges in the unit, {@code counts.length + 1} of them
     * @param counts jobs per bin
     */
    public static JFreeChart errorHistogram(String title, String subtitle, String unit, double[] edges, int[] counts, double tolerance) {
        XYIntervalSeries within = new XYIntervalSeries("jobs");
        for (int i = 0; i < counts.length; i++) {
            double mid = (edges[i] + edges[i + 1]) / 2;
            within.add(mid, edges[i], edges[i + 1], counts[i], 0, counts[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(within);
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setSeriesOutlinePaint(0, Color.WHITE);
        r.setSeriesPaint(0, new Color(0x4C78A8));
        NumberAxis x = PlannerCharts.axis("start error, predicted − actual (" + unit + ")");
        NumberAxis y = PlannerCharts.axis("jobs");
        y.setAutoRangeIncludesZero(true);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, r);
        IntervalMarker band = new IntervalMarker(-tolerance, tolerance);
        band.setPaint(new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), 56));
        band.setLabel("within ±tolerance");
        band.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
        plot.addDomainMarker(band, Layer.BACKGROUND);
        ValueMarker zero = new ValueMarker(0, DIAGONAL, new BasicStroke(1.2f));
        plot.addDomainMarker(zero, Layer.FOREGROUND);
        JFreeChart chart = PlannerCharts.styled(new JFreeChart(title, PlannerCharts.TITLE, plot, false), subtitle);
        return chart;
    }
}
