package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The level-of-detail pyramid of a busy row is built lazily, only as coarse as the zooms drawn need,
 * and a level is counted before it is built: the levels must be the ones the eager, build-then-test
 * pyramid made (each merged from the last kept one, kept when it has at most ¾ of its intervals).
 */
class RowBarsLevelsTest {

    private static RowBars row(long seed) {
        Random r = new Random(seed);
        RowBars row = new RowBars(8);
        long t = 0;
        for (int i = 0; i < 3000; i++) {
            t += r.nextInt(4) == 0 ? r.nextInt(5000) : r.nextInt(3); // gaps: mostly tiny, some long
            long len = r.nextInt(3) == 0 ? 1 + r.nextInt(20) : 1 + r.nextInt(40_000);
            row.add(t, t + len, i, i % 3 == 0 ? BarKind.RUNNING.ordinal() : BarKind.MERGED.ordinal());
            t += len;
        }
        row.seal();
        return row;
    }

    /** The pyramid as it was built before: every resolution merged with {@link BarLevel#merge}, kept if ≤ ¾. */
    private static List<BarLevel> eager(RowBars row) {
        List<BarLevel> kept = new ArrayList<>();
        int n = row.size();
        long[] s = new long[n], e = new long[n];
        int[] j = new int[n], bl = new int[n], bh = new int[n];
        byte[] k = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = row.start(i);
            e[i] = row.end(i);
            j[i] = row.job(i);
            k[i] = (byte) row.kind(i);
            bl[i] = row.blockLo(i);
            bh[i] = row.blockHi(i);
        }
        int[] cj = j.clone();
        long span = Math.max(1, row.end(n - 1) - row.start(0));
        for (int i = 0; i < n; i++) span = Math.max(span, row.end(i) - row.start(0));
        for (long res = 1; res <= span && n > 8; res *= 2) {
            BarLevel level = BarLevel.merge(res, n, s, e, j, cj, k, bl, bh);
            if (level.size() <= n * 3 / 4) {
                kept.add(level);
                n = level.size();
                s = level.starts();
                e = level.ends();
                j = level.jobs();
                cj = level.colorJobs();
                k = level.kinds();
                bl = level.blockLos();
                bh = level.blockHis();
            }
        }
        return kept;
    }

    private static void assertSame(BarLevel a, BarLevel b) {
        assertThat(a.resolution()).isEqualTo(b.resolution());
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(new long[] {a.start(i), a.end(i), a.job(i), a.colorJob(i), a.kind(i), a.blockLo(i), a.blockHi(i)})
                    .as("interval %d at %d s", i, a.resolution())
                    .containsExactly(b.start(i), b.end(i), b.job(i), b.colorJob(i), b.kind(i), b.blockLo(i), b.blockHi(i));
        }
    }

    @Test
    void levels_built_zoom_by_zoom_are_the_eager_pyramid() {
        for (long seed = 1; seed <= 3; seed++) {
            List<BarLevel> expected = eager(row(seed));
            assertThat(expected).hasSizeGreaterThan(3);
            RowBars lazy = row(seed);
            // zoom out step by step, as a user does: each answer is the coarsest eager level ≤ the zoom
            for (double zoom = 0.5; zoom < 1e9; zoom *= 3) {
                BarLevel want = null;
                for (BarLevel l : expected) if (l.resolution() <= zoom) want = l;
                BarLevel got = lazy.levelFor(zoom);
                if (want == null) assertThat(got).isNull();
                else assertSame(got, want);
            }
            assertThat(lazy.levelCount()).isEqualTo(expected.size());
            // a row first drawn fully zoomed out builds the same pyramid at once
            RowBars far = row(seed);
            assertSame(far.levelFor(1e12), expected.get(expected.size() - 1));
            assertThat(far.levelCount()).isEqualTo(expected.size());
        }
    }

    @Test
    void a_level_that_would_not_be_kept_is_not_built() {
        RowBars r = row(7);
        int n = r.size();
        long[] s = new long[n], e = new long[n];
        int[] j = new int[n], bl = new int[n], bh = new int[n];
        byte[] k = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.start(i);
            e[i] = r.end(i);
            j[i] = r.job(i);
            k[i] = (byte) r.kind(i);
            bl[i] = -1;
            bh[i] = -1;
        }
        BarLevel full = BarLevel.merge(1000, n, s, e, j, j.clone(), k, bl, bh);
        assertThat(BarLevel.mergeIfAtMost(full.size() - 1, 1000, n, s, e, j, j.clone(), k, bl, bh)).isNull();
        assertSame(BarLevel.mergeIfAtMost(full.size(), 1000, n, s, e, j, j.clone(), k, bl, bh), full);
    }

    /**
     * A resolution is refused without its counting pass when even every interval that may merge (gap below
     * the resolution, it or its predecessor shorter than two) would leave more than ¾: the bound must never be
     * below the merges a level really makes, and on long bars without gaps it refuses the fine resolutions.
     */
    @Test
    void the_mergeable_bound_is_never_below_the_merges_made() {
        for (long seed = 1; seed <= 5; seed++) {
            RowBars r = row(seed);
            int n = r.size();
            long[] s = new long[n], e = new long[n];
            int[] j = new int[n], bl = new int[n], bh = new int[n];
            byte[] k = new byte[n];
            for (int i = 0; i < n; i++) {
                s[i] = r.start(i);
                e[i] = r.end(i);
                j[i] = r.job(i);
                k[i] = (byte) r.kind(i);
                bl[i] = -1;
                bh[i] = -1;
            }
            int[] bound = RowBars.mergeableBelow(n, s, e);
            for (int bits = 0; bits < 40; bits++) {
                int merges = n - BarLevel.merge(1L << bits, n, s, e, j, j.clone(), k, bl, bh).size();
                assertThat(bound[bits]).as("seed %d, %d s", seed, 1L << bits).isGreaterThanOrEqualTo(merges);
            }
            assertThat(bound[39]).isEqualTo(n - 1);
        }
        // back-to-back bars of an hour: nothing merges below half an hour, and the bound says so
        int n = 1000;
        long[] s = new long[n], e = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = 3600L * i;
            e[i] = s[i] + 3600;
        }
        int[] bound = RowBars.mergeableBelow(n, s, e);
        assertThat(bound[10]).isZero(); // 1,024 s: an hour is not below two of them
        assertThat(bound[11]).isEqualTo(n - 1); // 2,048 s: gaps of 0, an hour below 4,096
    }
}
