package org.preemptlab.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished break-even sweep.
 *
 * @param scenario       the scenario's name
 * @param window         the window's name
 * @param windowStart    T, s
 * @param windowDuration s
 * @param windowNodes    how many nodes the window covers
 * @param lookBack       idle node-hours were counted over [T − lookBack, T) (lookBack ≤ T)
 * @param bandwidths     the bandwidth axis, MB/s, ascending
 * @param imageSizes     the image-size axis, MB per node, ascending
 * @param cells          every cell, row by row: image size outer, bandwidth inner
 * @param boundary       every sign change of drain − checkpoint along each row, rows in order
 */
public record BreakEvenResult(String scenario, String window, long windowStart, long windowDuration, int windowNodes,
        long lookBack, List<Double> bandwidths, List<Double> imageSizes, List<BreakEvenCell> cells,
        List<BreakEvenCrossing> boundary) {

    public BreakEvenResult {
        bandwidths = List.copyOf(bandwidths);
        imageSizes = List.copyOf(imageSizes);
        cells = List.copyOf(cells);
        boundary = List.copyOf(boundary);
        if (cells.size() != bandwidths.size() * imageSizes.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for a " + bandwidths.size() + " × " + imageSizes.size() + " grid");
        }
    }

    public BreakEvenCell cell(int imageIndex, int bandwidthIndex) {
        return cells.get(imageIndex * bandwidths.size() + bandwidthIndex);
    }

    /** The first crossing of a row (from low to high bandwidth), if drain − checkpoint changes sign there. */
    public Optional<BreakEvenCrossing> crossing(int imageIndex) {
        return boundary.stream().filter(c -> c.imageIndex() == imageIndex).findFirst();
    }

    /**
     * Every sign change of drain − checkpoint along each row, interpolated linearly in log(bandwidth).
     * A cell with an exact tie between cells of opposite sign is itself the crossing.
     */
    public static List<BreakEvenCrossing> boundaryOf(List<Double> bandwidths, List<Double> imageSizes, List<BreakEvenCell> cells) {
        List<BreakEvenCrossing> out = new ArrayList<>();
        int nb = bandwidths.size();
        for (int row = 0; row < imageSizes.size(); row++) {
            int lastIndex = -1;
            double last = 0;
            for (int col = 0; col < nb; col++) {
                double d = cells.get(row * nb + col).drainMinusCheckpoint();
                Winner w = Winner.of(d);
                if (w == Winner.TIE) continue;
                if (lastIndex >= 0 && Winner.of(last) != w) {
                    double bw;
                    if (lastIndex == col - 1) {
                        double t = last / (last - d);
                        double a = Math.log(bandwidths.get(lastIndex));
                        double b = Math.log(bandwidths.get(col));
                        bw = Math.exp(a + t * (b - a));
                    } else { // ties in between: the crossing is the middle of the tied cells
                        bw = Math.exp((Math.log(bandwidths.get(lastIndex + 1)) + Math.log(bandwidths.get(col - 1))) / 2);
                    }
                    out.add(new BreakEvenCrossing(row, imageSizes.get(row), bw, w));
                }
                lastIndex = col;
                last = d;
            }
        }
        return out;
    }
}
