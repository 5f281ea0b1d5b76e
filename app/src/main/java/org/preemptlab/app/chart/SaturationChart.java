package org.preemptlab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Saturation curves: mean wait (hours) and mean bounded slowdown (log scale) against offered load,
 * one line per scheduler, the two panels sharing the load axis. Used by the {@code saturation} command.
 */
public final class SaturationChart {

    /** One measured point. */
    public record Point(String policy, double load, double meanWaitSeconds, double meanBoundedSlowdown) {}

    private static final Color[] COLORS = {new Color(0x1B9E77), new Color(0xD95F02), new Color(0x7570B3),
        new Color(0xE7298A), new Color(0x66A61E), new Color(0xE6AB02)};

    private static final java.awt.Shape[] SHAPES = org.jfree.chart.plot.DefaultDrawingSupplier.createStandardSeriesShapes();

    private SaturationChart() {}

    public static JFreeChart create(String title, List<Point> points) {
        Map<String, XYSeries> wait = new LinkedHashMap<>();
        Map<String, XYSeries> slow = new LinkedHashMap<>();
        for (Point p : points) {
            wait.computeIfAbsent(p.policy(), k -> new XYSeries(k, true, false)).add(p.load(), p.meanWaitSeconds() / 3600);
            slow.computeIfAbsent(p.policy(), k -> new XYSeries(k, true, false)).add(p.load(), Math.max(1, p.meanBoundedSlowdown()));
        }
        XYSeriesCollection w = new XYSeriesCollection();
        wait.values().forEach(w::addSeries);
        XYSeriesCollection s = new XYSeriesCollection();
        slow.values().forEach(s::addSeries);

        NumberAxis waitAxis = new NumberAxis("mean wait (h)");
        XYPlot top = new XYPlot(w, null, waitAxis, renderer(wait.size(), true));
        LogAxis slowAxis = new LogAxis("mean bounded slowdown (τ = 10 s)");
        slowAxis.setSmallestValue(1);
        slowAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        slowAxis.setMinorTickCount(9);
        slowAxis.setMinorTickMarksVisible(true);
        slowAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        XYPlot bottom = new XYPlot(s, null, slowAxis, renderer(slow.size(), false));
        NumberAxis load = new NumberAxis("offered load (Σ run time × processors / (machine × span))");
        load.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(load);
        plot.setGap(12);
        plot.add(top, 1);
        plot.add(bottom, 1);
        for (XYPlot p : List.of(top, bottom)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(new Color(0xDDDDDD));
            p.setRangeGridlinePaint(new Color(0xDDDDDD));
        }
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYLineAndShapeRenderer renderer(int n, boolean legend) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, COLORS[i % COLORS.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, SHAPES[i % SHAPES.length]); // the same shape per scheduler in both panels
            r.setSeriesVisibleInLegend(i, legend);
        }
        return r;
    }
}
