package org.preemptlab.app.gui.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.preemptlab.app.chart.UnitsTickFormat;

/** Builds the compare view's JFreeChart charts from plain series, with a cursor marker. */
final class CompareCharts {

    static final Color[] COLORS = {new Color(0x4C78A8), new Color(0xF58518), new Color(0x54A24B), new Color(0xB279A2)};
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 12);
    private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 10);

    /** A share 0 … 1 as {@code 50 %} (a format is not thread-safe: one per chart). */
    static final java.util.function.Supplier<java.text.NumberFormat> PERCENT =
            () -> new java.text.DecimalFormat("0 %", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));

    private CompareCharts() {}

    static JFreeChart chart(String title, String xLabel, String yLabel, List<ChartSeries> series, boolean cursorMarker) {
        return chart(title, xLabel, yLabel, series, cursorMarker, false);
    }

    /**
     * As {@link #chart(String, String, String, List, boolean)}; with {@code shareY} the y values are shares 0 … 1 and
     * the axis reads them as percentages ({@code 0 %} … {@code 100 %}), as the planner views do.
     */
    static JFreeChart chart(String title, String xLabel, String yLabel, List<ChartSeries> series, boolean cursorMarker, boolean shareY) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ChartSeries s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) xy.add(s.x()[i], s.y()[i], false);
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, true, false);
        chart.getTitle().setFont(TITLE);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(SMALL);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xFBFBFC));
        plot.setDomainGridlinePaint(new Color(0xDADFE6));
        plot.setRangeGridlinePaint(new Color(0xDADFE6));
        plot.getDomainAxis().setLabelFont(SMALL);
        plot.getRangeAxis().setLabelFont(SMALL);
        plot.getDomainAxis().setTickLabelFont(SMALL);
        plot.getRangeAxis().setTickLabelFont(SMALL);
        for (var axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            if (axis instanceof org.jfree.chart.axis.NumberAxis n) n.setNumberFormatOverride(new UnitsTickFormat());
        }
        if (shareY && plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis n) n.setNumberFormatOverride(PERCENT.get());
        XYItemRenderer r = plot.getRenderer();
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, COLORS[i % COLORS.length]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        if (cursorMarker) {
            ValueMarker marker = new ValueMarker(0, new Color(0xD7263D), new BasicStroke(1.2f));
            plot.addDomainMarker(marker);
        }
        return chart;
    }

    /** Moves the cursor marker of a chart made with {@code cursorMarker} to x. */
    static void moveMarker(JFreeChart chart, double x) {
        var markers = chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        if (markers == null) return;
        for (Object m : markers) if (m instanceof ValueMarker vm) vm.setValue(x);
    }
}
