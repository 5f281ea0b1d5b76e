package org.preemptlab.app.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis whose ticks sit on the grid's own values (the centres of the heat map's cells), so each
 * column and row is labelled with what it ran; with more than {@value #MAX_LABELS} values it labels
 * every second, third … one.
 */
final class GridLogAxis extends LogAxis {

    private static final int MAX_LABELS = 16;
    private final List<Double> values;
    private final NumberFormat format;

    GridLogAxis(String label, List<Double> values, NumberFormat format) {
        super(label);
        this.values = List.copyOf(values);
        this.format = format;
        setNumberFormatOverride(format);
        setMinorTickMarksVisible(false);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        int every = Math.max(1, (int) Math.ceil(values.size() / (double) MAX_LABELS));
        List ticks = new ArrayList();
        for (int i = 0; i < values.size(); i += every) {
            double v = values.get(i);
            ticks.add(new NumberTick(v, format.format(v), anchor, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }
}
