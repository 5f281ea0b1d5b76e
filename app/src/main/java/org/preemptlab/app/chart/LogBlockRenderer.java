package org.preemptlab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * An {@link XYBlockRenderer} for log-spaced grids: each block spans from x/√r to x·√r (and the
 * same for y), r being the grid's ratio between neighbours, so blocks tile log axes exactly.
 */
final class LogBlockRenderer extends XYBlockRenderer {

    private static final BasicStroke GRID = new BasicStroke(0.6f);
    private final double xHalf;
    private final double yHalf;

    /** @param xRatio ratio of neighbouring x values (&gt; 1); {@code yRatio} the same for y */
    LogBlockRenderer(double xRatio, double yRatio) {
        this.xHalf = Math.sqrt(xRatio);
        this.yHalf = Math.sqrt(yRatio);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
            ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item, CrosshairState crosshairState,
            int pass) {
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        double z = ((XYZDataset) dataset).getZValue(series, item);
        double x0 = domainAxis.valueToJava2D(x / xHalf, dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(x * xHalf, dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(y / yHalf, dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(y * yHalf, dataArea, plot.getRangeAxisEdge());
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
        g2.setPaint(getPaintScale().getPaint(z));
        g2.fill(block);
        g2.setPaint(Color.WHITE);
        g2.setStroke(GRID);
        g2.draw(block);
        EntityCollection entities = state.getEntityCollection();
        if (entities != null) addEntity(entities, block, dataset, series, item, block.getCenterX(), block.getCenterY());
    }

    @Override
    public Range findDomainBounds(XYDataset dataset) {
        Range r = DatasetUtils.findDomainBounds(dataset, false);
        return r == null ? null : new Range(r.getLowerBound() / xHalf, r.getUpperBound() * xHalf);
    }

    @Override
    public Range findRangeBounds(XYDataset dataset) {
        Range r = DatasetUtils.findRangeBounds(dataset, false);
        return r == null ? null : new Range(r.getLowerBound() / yHalf, r.getUpperBound() * yHalf);
    }
}
