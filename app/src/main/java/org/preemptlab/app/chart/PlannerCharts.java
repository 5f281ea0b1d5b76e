package org.preemptlab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.preemptlab.metrics.CoreState;

/**
 * The planner's charts (utilization by state, backlog, wait-time CDF by group, difference Gantt),
 * built from plain arrays, in one look: white background, titles 13 pt, legends at the bottom that
 * wrap, ticks through {@link UnitsTickFormat}.
 */
public final class PlannerCharts {

    static final Font TITLE = new Font("SansSerif", Font.BOLD, 13);
    private static final Font SUBTITLE = new Font("SansSerif", Font.PLAIN, 11);
    private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 11);
    private static final Color GRID = new Color(0xDADFE6);

    /** Fixed colours of the core states (the same in every run and export). */
    public static Color colorOf(CoreState s) {
        return switch (s) {
            case BUSY -> new Color(0x2E7D32);
            case CHECKPOINTING -> new Color(0xF28E2B);
            case DOWN -> new Color(0x4A4A4A);
            case SUSPENDED -> new Color(0x8E6BBF);
            case DRAINING -> new Color(0xE3C230);
            case RESERVED_IDLE -> new Color(0x7FB6E0);
            case IDLE -> new Color(0xD9D9D9);
        };
    }

    /** Lines of several groups: up to 10 colours, then they repeat. */
    public static final Color[] LINES = {new Color(0x222222), new Color(0x4C78A8), new Color(0xF58518), new Color(0x54A24B),
        new Color(0xE45756), new Color(0x72B7B2), new Color(0xB279A2), new Color(0xEECA3B), new Color(0x9D755D), new Color(0xFF9DA6)};

    public static final Color EARLIER = new Color(0x2E7D32);
    public static final Color LATER = new Color(0xC62828);
    public static final Color RUN_A = new Color(0xC9CED6);

    private PlannerCharts() {}

    /**
     * Shares of the machine by state, stacked, over buckets.
     *
     * @param x      bucket midpoints in the time unit
     * @param shares {@code shares[state.ordinal()][bucket]}, 0 … 1
     */
    public static JFreeChart utilizationByState(String title, String subtitle, String xLabel, double[] x, double[][] shares) {
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        CoreState[] states = CoreState.values();
        for (CoreState s : states) {
            XYSeries series = new XYSeries(s.label(), true, false);
            for (int b = 0; b < x.length; b++) series.add(x[b], shares[s.ordinal()][b] * 100, false);
            data.addSeries(series);
        }
        NumberAxis xAxis = axis(xLabel);
        NumberAxis yAxis = axis("share of cores (%)");
        yAxis.setRange(0, 100);
        StackedXYAreaRenderer2 r = new StackedXYAreaRenderer2();
        for (CoreState s : states) r.setSeriesPaint(s.ordinal(), colorOf(s));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        return styled(new JFreeChart(title, TITLE, plot, true), subtitle);
    }

    /** A step line (backlog over time). */
    public static JFreeChart steps(String title, String subtitle, String xLabel, String yLabel, String series, double[] x, double[] y) {
        XYSeries s = new XYSeries(series, false, true);
        for (int i = 0; i < x.length; i++) s.add(x[i], y[i], false);
        XYStepRenderer r = new XYStepRenderer();
        r.setSeriesPaint(0, new Color(0x4C78A8));
        r.setSeriesStroke(0, new BasicStroke(1.8f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), axis(xLabel), axis(yLabel), r);
        return styled(new JFreeChart(title, TITLE, plot, true), subtitle);
    }

    /** Step lines, one per named series (pending jobs by reason over time). */
    public static JFreeChart stepLines(String title, String subtitle, String xLabel, String yLabel, List<String> names,
            List<double[]> xs, List<double[]> ys) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < names.size(); k++) {
            XYSeries s = new XYSeries(names.get(k), false, true);
            for (int i = 0; i < xs.get(k).length; i++) s.add(xs.get(k)[i], ys.get(k)[i], false);
            data.addSeries(s);
        }
        XYStepRenderer r = new XYStepRenderer();
        for (int k = 0; k < names.size(); k++) {
            r.setSeriesPaint(k, LINES[(k + 1) % LINES.length]);
            r.setSeriesStroke(k, new BasicStroke(1.8f));
        }
        XYPlot plot = new XYPlot(data, axis(xLabel), axis(yLabel), r);
        return styled(new JFreeChart(title, TITLE, plot, true), subtitle);
    }

    /** Lines through (x, y) per named series (CDFs); the first series drawn thicker. */
    public static JFreeChart lines(String title, String subtitle, String xLabel, String yLabel, List<String> names, List<double[]> xs,
            List<double[]> ys) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < names.size(); k++) {
            XYSeries s = new XYSeries(names.get(k), false, true);
            for (int i = 0; i < xs.get(k).length; i++) s.add(xs.get(k)[i], ys.get(k)[i], false);
            data.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < names.size(); k++) {
            r.setSeriesPaint(k, LINES[k % LINES.length]);
            r.setSeriesStroke(k, new BasicStroke(k == 0 ? 2.6f : 1.6f));
        }
        NumberAxis y = axis(yLabel);
        XYPlot plot = new XYPlot(data, axis(xLabel), y, r);
        return styled(new JFreeChart(title, TITLE, plot, true), subtitle);
    }

    /**
     * The difference Gantt: one row per job (top to bottom), a grey bar for its run in A (start to
     * end) and over it a bar from its start in A to its start in B, green when B starts it earlier,
     * red when later.
     *
     * @param rowNames names of the rows shown on the axis, or null for numbered rows
     */
    public static JFreeChart differenceGantt(String title, String subtitle, String timeLabel, String[] rowNames, double[] startA,
            double[] endA, double[] startB) {
        XYIntervalSeries runA = new XYIntervalSeries("run in A (start → end)");
        XYIntervalSeries earlier = new XYIntervalSeries("start moved earlier in B");
        XYIntervalSeries later = new XYIntervalSeries("start moved later in B");
        for (int i = 0; i < startA.length; i++) {
            runA.add(i, i - 0.36, i + 0.36, startA[i], startA[i], Math.max(startA[i], endA[i]));
            if (startB[i] < startA[i]) earlier.add(i, i - 0.22, i + 0.22, startB[i], startB[i], startA[i]);
            else if (startB[i] > startA[i]) later.add(i, i - 0.22, i + 0.22, startB[i], startA[i], startB[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(runA);
        data.addSeries(earlier);
        data.addSeries(later);
        XYBarRenderer r = new XYBarRenderer();
        r.setUseYInterval(true);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, RUN_A);
        r.setSeriesPaint(1, EARLIER);
        r.setSeriesPaint(2, LATER);
        ValueAxis rows;
        if (rowNames != null) {
            SymbolAxis s = new SymbolAxis("job", rowNames);
            s.setGridBandsVisible(false);
            rows = s;
        } else {
            NumberAxis n = axis("jobs (row)");
            n.setNumberFormatOverride(new UnitsTickFormat());
            rows = n;
        }
        rows.setInverted(true);
        rows.setLabelFont(SMALL);
        rows.setTickLabelFont(SMALL);
        rows.setRange(-0.6, Math.max(0.6, startA.length - 0.4));
        XYPlot plot = new XYPlot(data, rows, axis(timeLabel), r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return styled(new JFreeChart(title, TITLE, plot, true), subtitle);
    }

    static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setNumberFormatOverride(new UnitsTickFormat());
        a.setLabelFont(SMALL);
        a.setTickLabelFont(SMALL);
        return a;
    }

    static JFreeChart styled(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(new Color(0x444444));
            chart.addSubtitle(sub);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xFBFBFC));
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(SMALL);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
        return chart;
    }
}
