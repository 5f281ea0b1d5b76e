package org.preemptlab.app.chart;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * A diverging colour scale with white at zero: negative values shade towards {@code negative}
 * (full at {@code lower}), positive ones towards {@code positive} (full at {@code upper}); each side
 * is linear in its own range, so a lopsided range still shows both sides.
 */
final class DivergingPaintScale implements PaintScale, Serializable {

    private final double lower;
    private final double upper;
    private final Color negative;
    private final Color positive;

    DivergingPaintScale(double lower, double upper, Color negative, Color positive) {
        this.lower = Math.min(lower, -1e-9);
        this.upper = Math.max(upper, 1e-9);
        this.negative = negative;
        this.positive = positive;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) return Color.LIGHT_GRAY;
        if (value >= 0) return mix(positive, Math.min(1, value / upper));
        return mix(negative, Math.min(1, value / lower));
    }

    /** White blended towards {@code c} by {@code t} in [0, 1]. */
    private static Color mix(Color c, double t) {
        return new Color(channel(c.getRed(), t), channel(c.getGreen(), t), channel(c.getBlue(), t));
    }

    private static int channel(int full, double t) {
        return (int) Math.round(255 + (full - 255) * t);
    }
}
