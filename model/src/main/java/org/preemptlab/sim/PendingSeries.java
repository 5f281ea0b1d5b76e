package org.preemptlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.limits.PendingReason;

/**
 * Pending jobs by Slurm pending reason over time (a Slurm run): one point after each scheduling
 * pass whose counts differ from the previous point's. The counts hold from a point's time to the
 * next point's.
 */
public final class PendingSeries {

    /** The counts from {@code time} on (reasons with no job are absent). */
    public record Point(long time, Map<PendingReason, Integer> counts) {
        public int count(PendingReason r) {
            return counts.getOrDefault(r, 0);
        }

        public int total() {
            int n = 0;
            for (int c : counts.values()) n += c;
            return n;
        }
    }

    private final List<Point> points = new ArrayList<>();

    void record(long time, EnumMap<PendingReason, Integer> counts) {
        if (!points.isEmpty()) {
            Point last = points.get(points.size() - 1);
            if (last.counts.equals(counts)) return;
            if (last.time == time) points.remove(points.size() - 1);
        }
        points.add(new Point(time, Collections.unmodifiableMap(new EnumMap<>(counts))));
    }

    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }

    /** The largest number of jobs pending for {@code reason} at any time. */
    public int max(PendingReason reason) {
        int m = 0;
        for (Point p : points) m = Math.max(m, p.count(reason));
        return m;
    }

    /** Job-seconds spent pending for {@code reason} up to {@code end}. */
    public double area(PendingReason reason, long end) {
        double a = 0;
        for (int i = 0; i < points.size(); i++) {
            long to = i + 1 < points.size() ? points.get(i + 1).time : end;
            a += (double) points.get(i).count(reason) * Math.max(0, to - points.get(i).time);
        }
        return a;
    }
}
