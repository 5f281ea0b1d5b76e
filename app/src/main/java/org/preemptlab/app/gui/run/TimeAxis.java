package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;

/** Picks readable tick steps and labels for a time range drawn over some pixels. */
public final class TimeAxis {

    private static final long DAY = 86_400;
    private static final long[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800,
            21_600, 43_200, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY};

    private TimeAxis() {}

    /** The smallest step that keeps ticks at least {@code minPixels} apart. */
    public static long step(double secondsPerPixel, double minPixels) {
        double need = secondsPerPixel * minPixels;
        for (long s : STEPS) if (s >= need) return s;
        return STEPS[STEPS.length - 1] * (long) Math.ceil(need / STEPS[STEPS.length - 1]);
    }

    public static List<TimeTick> ticks(double viewStart, double viewSpan, double plotLeft, double plotWidth) {
        List<TimeTick> ticks = new ArrayList<>();
        if (plotWidth <= 0 || viewSpan <= 0) return ticks;
        double pxPerSecond = plotWidth / viewSpan;
        long step = step(1 / pxPerSecond, 90);
        long first = (long) Math.ceil(viewStart / step) * step;
        for (long t = first; t <= viewStart + viewSpan; t += step) {
            ticks.add(new TimeTick(plotLeft + (t - viewStart) * pxPerSecond, t, label(t, step)));
            if (ticks.size() > 200) break;
        }
        return ticks;
    }

    /** {@code 2d 04:30} style, seconds shown only when the step needs them. */
    public static String label(long t, long step) {
        String sign = t < 0 ? "-" : "";
        long s = Math.abs(t);
        long d = s / DAY;
        long rem = s % DAY;
        String day = d > 0 ? d + "d " : "";
        if (step >= DAY && rem == 0) return sign + d + "d";
        String hm = String.format("%02d:%02d", rem / 3600, (rem / 60) % 60);
        if (step % 60 != 0) hm += String.format(":%02d", rem % 60);
        return sign + day + hm;
    }
}
