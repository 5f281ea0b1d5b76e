package org.preemptlab.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.metrics.MaintenanceCost;

/** Where the boundary goes for hand-made rows of differences: interpolation, ties, several crossings. */
class BreakEvenBoundaryTest {

    static final List<Double> BANDWIDTHS = List.of(10.0, 100.0, 1000.0, 10_000.0);

    /** A row whose drain − checkpoint differences are the given values (drain costs 10 node-h). */
    static List<BreakEvenCell> rows(double[]... differences) {
        List<BreakEvenCell> cells = new ArrayList<>();
        for (int row = 0; row < differences.length; row++) {
            for (int col = 0; col < differences[row].length; col++) {
                MaintenanceCost drain = new MaintenanceCost("drain", 3600, 10, 0, 0, 0, 0, 0);
                MaintenanceCost checkpoint = new MaintenanceCost("checkpoint", 3600, 0, 0, 10 - differences[row][col], 0, 0, 0);
                cells.add(new BreakEvenCell(col, row, BANDWIDTHS.get(col), 1000.0 * (row + 1), drain, checkpoint));
            }
        }
        return cells;
    }

    @Test
    void interpolatesLinearlyInLogBandwidth() {
        List<BreakEvenCrossing> b = BreakEvenResult.boundaryOf(BANDWIDTHS, List.of(1000.0), rows(new double[] {-3, -1, 3, 5}));
        assertThat(b).hasSize(1);
        // between 100 (−1) and 1000 (+3): a quarter of the way in log10, 10^2.25
        assertThat(b.get(0).bandwidthMBps()).isCloseTo(Math.pow(10, 2.25), within(1e-9));
        assertThat(b.get(0).cheaperAbove()).isEqualTo(Winner.CHECKPOINT);
        assertThat(b.get(0).imageIndex()).isZero();
    }

    @Test
    void tiedCellsBetweenOppositeSignsHoldTheCrossing() {
        List<BreakEvenCrossing> one = BreakEvenResult.boundaryOf(BANDWIDTHS, List.of(1000.0), rows(new double[] {-2, 0, 2, 4}));
        assertThat(one).singleElement().satisfies(c -> assertThat(c.bandwidthMBps()).isCloseTo(100, within(1e-9)));
        List<BreakEvenCrossing> two = BreakEvenResult.boundaryOf(BANDWIDTHS, List.of(1000.0), rows(new double[] {-2, 0, 0, 4}));
        assertThat(two).singleElement().satisfies(c -> assertThat(c.bandwidthMBps()).isCloseTo(Math.sqrt(100 * 1000), within(1e-6)));
    }

    @Test
    void everySignChangeIsKeptAndRowsWithoutOneHaveNone() {
        List<BreakEvenCrossing> b = BreakEvenResult.boundaryOf(BANDWIDTHS, List.of(1000.0, 2000.0, 3000.0),
                rows(new double[] {1, -1, 1, 1}, new double[] {0, 0, 0, 0}, new double[] {2, 3, 4, 5}));
        assertThat(b).extracting(BreakEvenCrossing::cheaperAbove).containsExactly(Winner.DRAIN, Winner.CHECKPOINT);
        assertThat(b).extracting(BreakEvenCrossing::imageIndex).containsExactly(0, 0);
        assertThat(b.get(0).bandwidthMBps()).isCloseTo(Math.sqrt(10 * 100), within(1e-9));
        BreakEvenResult r = new BreakEvenResult("s", "w", 0, 1, 1, 1, BANDWIDTHS, List.of(1000.0, 2000.0, 3000.0),
                rows(new double[] {1, -1, 1, 1}, new double[] {0, 0, 0, 0}, new double[] {2, 3, 4, 5}), b);
        assertThat(r.crossing(0)).contains(b.get(0));
        assertThat(r.crossing(1)).isEmpty();
        assertThat(r.crossing(2)).isEmpty();
        assertThat(r.cell(2, 3).winner()).isEqualTo(Winner.CHECKPOINT);
        assertThat(r.cell(1, 0).winner()).isEqualTo(Winner.TIE);
    }
}
