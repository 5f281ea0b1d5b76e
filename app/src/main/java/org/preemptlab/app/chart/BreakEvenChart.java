package org.preemptlab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.FieldPosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.preemptlab.maintenance.BreakEvenCell;
import org.preemptlab.maintenance.BreakEvenCrossing;
import org.preemptlab.maintenance.BreakEvenResult;
import org.preemptlab.units.Units;

/**
 * The break-even heat map: checkpoint bandwidth (log) across, image size per node (log) up; each
 * cell coloured by drain cost − checkpoint cost in node-hours (blue: checkpoint cheaper, orange:
 * drain cheaper, white: equal) and labelled with it; the black line is the interpolated break-even
 * boundary. Used by the {@code break-even} command (PNG) and the compare view (interactive).
 */
public final class BreakEvenChart {

    static final Color CHECKPOINT_CHEAPER = new Color(0x2166AC);
    static final Color DRAIN_CHEAPER = new Color(0xD95F02);
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 15);
    private static final Font TEXT = new Font("SansSerif", Font.PLAIN, 12);
    private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 11);
    private static final Font CELL = new Font("SansSerif", Font.PLAIN, 10);
    /** Cells get their value written in them up to this many cells. */
    private static final int LABELLED_CELLS = 400;

    private BreakEvenChart() {}

    /** Which checkpoint the sweep compared with drain, for people: "checkpoint-before (T)" or "checkpoint (at T)". */
    static String checkpointStrategy(BreakEvenResult r) {
        if (r.cells().isEmpty()) return "";
        String label = r.cells().get(0).checkpoint().strategy();
        try {
            return org.preemptlab.sim.MaintenanceStrategy.parse(label).describe();
        } catch (IllegalArgumentException e) {
            return label;
        }
    }

    public static JFreeChart create(BreakEvenResult r) {
        List<Double> bw = r.bandwidths();
        List<Double> img = r.imageSizes();
        int n = r.cells().size();
        double[][] data = new double[3][n];
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            BreakEvenCell c = r.cells().get(i);
            data[0][i] = bw.get(c.bandwidthIndex());
            data[1][i] = img.get(c.imageIndex());
            data[2][i] = c.drainMinusCheckpoint();
            lo = Math.min(lo, data[2][i]);
            hi = Math.max(hi, data[2][i]);
        }
        DefaultXYZDataset cells = new DefaultXYZDataset();
        cells.addSeries("drain − checkpoint", data);
        DivergingPaintScale scale = new DivergingPaintScale(lo, hi, DRAIN_CHEAPER, CHECKPOINT_CHEAPER);
        LogBlockRenderer blocks = new LogBlockRenderer(ratio(bw), ratio(img));
        blocks.setPaintScale(scale);
        blocks.setDefaultToolTipGenerator((d, s, i) -> r.cells().get(i).summary());

        LogAxis x = new GridLogAxis("checkpoint bandwidth of the storage (MB/s, log scale)", bw, new BandwidthFormat());
        x.setRange(bw.get(0) / Math.sqrt(ratio(bw)), bw.get(bw.size() - 1) * Math.sqrt(ratio(bw)));
        LogAxis y = new GridLogAxis("checkpoint image per node (GB, log scale)", img, new GigabyteFormat());
        y.setRange(img.get(0) / Math.sqrt(ratio(img)), img.get(img.size() - 1) * Math.sqrt(ratio(img)));
        for (LogAxis a : List.of(x, y)) {
            a.setLabelFont(TEXT);
            a.setTickLabelFont(SMALL);
        }
        XYPlot plot = new XYPlot(cells, x, y, blocks);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));

        XYSeries line = new XYSeries("break-even", false, true);
        for (int row = 0; row < img.size(); row++) {
            int k = row;
            r.crossing(row).ifPresent(c -> line.add(c.bandwidthMBps(), img.get(k)));
        }
        XYLineAndShapeRenderer boundary = new XYLineAndShapeRenderer(true, true);
        boundary.setSeriesPaint(0, Color.BLACK);
        boundary.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        boundary.setSeriesShape(0, new Rectangle(-3, -3, 6, 6));
        boundary.setDefaultToolTipGenerator((d, s, i) -> "break-even: " + Units.bandwidth(d.getXValue(s, i)) + " at "
                + Units.size(d.getYValue(s, i)) + " per node");
        plot.setDataset(1, new XYSeriesCollection(line));
        plot.setRenderer(1, boundary);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        if (n <= LABELLED_CELLS) {
            for (int i = 0; i < n; i++) {
                // a little below the centre, clear of the break-even line's markers (which sit on the rows' centres)
                XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%+.1f", data[2][i]), data[0][i],
                        data[1][i] / Math.pow(ratio(img), 0.22));
                label.setFont(CELL);
                label.setPaint(Math.abs(scaleFraction(data[2][i], lo, hi)) > 0.6 ? Color.WHITE : new Color(0x222222));
                plot.addAnnotation(label);
            }
        }

        JFreeChart chart = new JFreeChart(title(r), TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle("Each cell: drain cost − checkpoint cost in node-hours (cost = idle node-h before T + lost node-h "
                + "+ checkpoint/restart I/O node-h; idle counted over the " + Units.duration(r.lookBack()) + " before T); checkpoint = "
                + checkpointStrategy(r), SMALL);
        chart.addSubtitle(sub);
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem("checkpoint cheaper (> 0)", null, null, null, new Rectangle(-6, -6, 12, 12), CHECKPOINT_CHEAPER));
        items.add(new LegendItem("drain cheaper (< 0)", null, null, null, new Rectangle(-6, -6, 12, 12), DRAIN_CHEAPER));
        LegendItem be = new LegendItem("break-even: equal cost (interpolated)", null, null, null, false,
                new Rectangle(-3, -3, 6, 6), false, Color.BLACK, false, Color.BLACK, new BasicStroke(2.5f), true,
                new java.awt.geom.Line2D.Double(-9, 0, 9, 0), new BasicStroke(2.5f), Color.BLACK);
        items.add(be);
        plot.setFixedLegendItems(items);
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(TEXT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        NumberAxis scaleAxis = new NumberAxis("drain − checkpoint (node-h)");
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        scaleAxis.setLabelFont(SMALL);
        scaleAxis.setTickLabelFont(SMALL);
        PaintScaleLegend paintLegend = new PaintScaleLegend(scale, scaleAxis);
        paintLegend.setPosition(RectangleEdge.RIGHT);
        paintLegend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        paintLegend.setStripWidth(16);
        paintLegend.setSubdivisionCount(256);
        paintLegend.setMargin(new RectangleInsets(8, 8, 8, 8));
        paintLegend.setStripOutlineVisible(true);
        chart.addSubtitle(paintLegend);
        return chart;
    }

    /**
     * "Drain or checkpoint? NAME — window W at 10 h 00 min for 2 h on 8 nodes"; the question is asked
     * once: a scenario whose name already asks it is not prefixed with it again.
     */
    public static String title(BreakEvenResult r) {
        boolean asks = r.scenario().toLowerCase(Locale.ROOT).contains("drain or checkpoint");
        return (asks ? "" : "Drain or checkpoint? ") + r.scenario() + " — window " + r.window() + " at " + Units.instant(r.windowStart())
                + " for " + Units.duration(r.windowDuration()) + " on " + Units.count(r.windowNodes(), "node");
    }

    private static double scaleFraction(double v, double lo, double hi) {
        return v >= 0 ? (hi > 0 ? v / hi : 0) : (lo < 0 ? -v / lo : 0);
    }

    /** The ratio between neighbouring values of a log-spaced axis (2 for a single value). */
    static double ratio(List<Double> axis) {
        return axis.size() < 2 ? 2 : Math.pow(axis.get(axis.size() - 1) / axis.get(0), 1.0 / (axis.size() - 1));
    }

    /** Bandwidths (MB/s) with three significant digits, the same on every locale: 10, 18.7, 34.9, 1,000, 1,870, 10,000. */
    static final class BandwidthFormat extends AxisFormat {

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            if (number >= 1000) {
                double step = Math.pow(10, Math.floor(Math.log10(number)) - 2);
                return toAppendTo.append(Units.group(Math.round(Math.round(number / step) * step)));
            }
            return toAppendTo.append(Units.number(number));
        }
    }

    /** MB shown as GB (1024 MB), three significant digits: 1024 → "1", 1536 → "1.5", 512 → "0.5". */
    static final class GigabyteFormat extends AxisFormat {

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(Units.number(number / 1024));
        }
    }
}
