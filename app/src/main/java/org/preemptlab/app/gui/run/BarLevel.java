package org.preemptlab.app.gui.run;

import java.util.Arrays;

/**
 * One level of a row's level-of-detail pyramid: the row's bars with every gap shorter than
 * {@link #resolution()} closed, where at least one side of the gap is a short bar (below two
 * resolutions), as the on-the-fly merging does at one pixel. Intervals do not overlap and are
 * sorted, so both starts and ends are increasing.
 */
final class BarLevel {

    private final long resolution;
    private long[] start;
    private long[] end;
    private int[] job;
    private int[] colorJob;
    private byte[] kind;
    private int[] blockLo;
    private int[] blockHi;
    private int size;

    private BarLevel(long resolution, int capacity) {
        this.resolution = resolution;
        start = new long[capacity];
        end = new long[capacity];
        job = new int[capacity];
        colorJob = new int[capacity];
        kind = new byte[capacity];
        blockLo = new int[capacity];
        blockHi = new int[capacity];
    }

    /**
     * The merge of {@code n} intervals at {@code resolution} if it has at most {@code most} intervals,
     * else null — counted first without building it, so a level that would not be kept costs no
     * memory, and one that is kept is allocated at its exact size.
     */
    static BarLevel mergeIfAtMost(int most, long resolution, int n, long[] s, long[] e, int[] j, int[] cj, byte[] k,
            int[] bl, int[] bh) {
        long twice = 2 * resolution;
        int count = 0;
        long lastStart = 0, lastEnd = 0;
        for (int i = 0; i < n; i++) {
            if (count > 0 && s[i] - lastEnd < resolution && (e[i] - s[i] < twice || lastEnd - lastStart < twice)) {
                lastEnd = Math.max(lastEnd, e[i]);
            } else {
                if (++count > most) return null;
                lastStart = s[i];
                lastEnd = e[i];
            }
        }
        return merge(resolution, n, s, e, j, cj, k, bl, bh, Math.max(1, count));
    }

    /** Merges {@code source} (a row level or the raw bars of a single-lane row) at a coarser resolution. */
    static BarLevel merge(long resolution, int n, long[] s, long[] e, int[] j, int[] cj, byte[] k, int[] bl, int[] bh) {
        return merge(resolution, n, s, e, j, cj, k, bl, bh, Math.max(1, n / 2));
    }

    private static BarLevel merge(long resolution, int n, long[] s, long[] e, int[] j, int[] cj, byte[] k, int[] bl,
            int[] bh, int capacity) {
        BarLevel level = new BarLevel(resolution, capacity);
        long twice = 2 * resolution;
        for (int i = 0; i < n; i++) {
            int last = level.size - 1;
            if (last >= 0 && s[i] - level.end[last] < resolution
                    && (e[i] - s[i] < twice || level.end[last] - level.start[last] < twice)) {
                level.end[last] = Math.max(level.end[last], e[i]);
                if (level.job[last] != j[i] || level.kind[last] != k[i]) {
                    level.job[last] = -1;
                    level.kind[last] = (byte) BarKind.MERGED.ordinal();
                    level.blockLo[last] = -1;
                    level.blockHi[last] = -1;
                }
            } else {
                level.add(s[i], e[i], j[i], cj[i], k[i], bl[i], bh[i]);
            }
        }
        level.trim();
        return level;
    }

    private void add(long s, long e, int j, int cj, byte k, int bl, int bh) {
        if (size == start.length) {
            int c = size * 2;
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            job = Arrays.copyOf(job, c);
            colorJob = Arrays.copyOf(colorJob, c);
            kind = Arrays.copyOf(kind, c);
            blockLo = Arrays.copyOf(blockLo, c);
            blockHi = Arrays.copyOf(blockHi, c);
        }
        blockLo[size] = bl;
        blockHi[size] = bh;
        start[size] = s;
        end[size] = e;
        job[size] = j;
        colorJob[size] = cj;
        kind[size] = k;
        size++;
    }

    private void trim() {
        if (size == start.length) return;
        start = Arrays.copyOf(start, size);
        end = Arrays.copyOf(end, size);
        job = Arrays.copyOf(job, size);
        colorJob = Arrays.copyOf(colorJob, size);
        kind = Arrays.copyOf(kind, size);
        blockLo = Arrays.copyOf(blockLo, size);
        blockHi = Arrays.copyOf(blockHi, size);
    }

    long resolution() {
        return resolution;
    }

    int size() {
        return size;
    }

    long start(int i) {
        return start[i];
    }

    long end(int i) {
        return end[i];
    }

    /** The job, or -1 for a merged interval. */
    int job(int i) {
        return job[i];
    }

    /** The job whose class colours the interval (its first job). */
    int colorJob(int i) {
        return colorJob[i];
    }

    int kind(int i) {
        return kind[i];
    }

    long[] starts() {
        return start;
    }

    long[] ends() {
        return end;
    }

    int[] jobs() {
        return job;
    }

    int[] colorJobs() {
        return colorJob;
    }

    byte[] kinds() {
        return kind;
    }

    /** First unit of the interval's block, or -1 for a merged interval. */
    int blockLo(int i) {
        return blockLo[i];
    }

    int blockHi(int i) {
        return blockHi[i];
    }

    int[] blockLos() {
        return blockLo;
    }

    int[] blockHis() {
        return blockHi;
    }

    /** First interval ending after t (ends are increasing). */
    int firstEndingAfter(long t) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] > t) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
