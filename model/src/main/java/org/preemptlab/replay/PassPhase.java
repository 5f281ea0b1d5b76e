package org.preemptlab.replay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctJob;
import org.preemptlab.slurmsched.BackfillPhases;
import org.preemptlab.slurmsched.SlurmSchedulerConfig;

/**
 * The phases of Slurm's periodic passes inferred from a sacct history alone ({@code replay --phase auto}, the default).
 * slurmctld runs its full main pass every {@code sched_interval} and its backfill every {@code bf_interval}, timed from
 * its own start (two timers: the main loop's and the backfill thread's), which sacct does not record; the replay puts
 * them at phase + k·interval seconds after the earliest Submit. A job starts in some pass, so the seconds of sacct's
 * Start column carry the passes' instants:
 * <ol>
 * <li>the main phase: for each candidate phase p (0 ≤ p &lt; {@code sched_interval}) the main passes the replay's own
 *     rules give from sacct's submits (max(Submit, Eligible)) and ends alone — a full pass at p + k·sched_interval, a pass
 *     after a submit or an end at most every {@code batch_sched_delay} (else when that delay is over) — and the number of
 *     jobs whose Start falls in a second with one of them; the phase with the most wins (ties: the smallest);
 * <li>the backfill phase: of the starts no such main pass explains, the most common second modulo {@code bf_interval}
 *     (ties: the smallest).
 * </ol>
 * When fewer than half the starts fall on a pass at the phases found ({@link #evident()}), the starts do not show the
 * passes and a replay keeps phase 0. Only the passes' instants are inferred (two numbers from all the starts): no job's
 * own start is given to the replay, which still has to put each job in a pass by its own model.
 *
 * @param mainPhaseSeconds   the main scheduler's full passes at this + k·sched_interval
 * @param bfPhaseSeconds     the backfill cycles at this + k·bf_interval
 * @param startsOnMainPasses how many starts fall in a second with a main pass at that phase
 * @param startsOnPasses     how many starts fall in a second with a main pass or a backfill cycle
 * @param starts             how many jobs with a Start the history has (the replayed rows)
 * @param backfillPhases     the backfill's phase piece by piece ({@link #inferDrifting}: a drifting backfill timer), or
 *                           null (one phase, {@code bfPhaseSeconds})
 */
public record PassPhase(long mainPhaseSeconds, long bfPhaseSeconds, int startsOnMainPasses, int startsOnPasses, int starts,
        BackfillPhases backfillPhases) {

    /** A replay's phase argument meaning "infer it from the history" ({@code --phase auto}). */
    public static final long AUTO = -1;
    /** A replay's phase argument meaning "infer it, the backfill's phase piece by piece" ({@code --phase drift}). */
    public static final long AUTO_DRIFT = -2;

    /**
     * A new piece of the backfill's phase must have more than this many more seconds with an unexplained start on its
     * phase than the old phase has in the same span (so each change rests on at least four of Slurm's cycles).
     */
    static final int DRIFT_PENALTY = 3;
    /** Above this {@code bf_interval} the pieces' phases are chosen among the most common residues only. */
    static final int MAX_DRIFT_CANDIDATES = 60;

    /** Above this {@code sched_interval} only the most common phases of the starts no event explains are tried. */
    static final int MAX_ALL_CANDIDATES = 600;
    /** How many main phases are tried when {@code sched_interval} exceeds {@link #MAX_ALL_CANDIDATES}. */
    static final int FEW_CANDIDATES = 60;
    /** Up to this {@code bf_interval} the backfill phase is counted in an array (a day; longer: in a map). */
    static final int MAX_COUNTED_BF_INTERVAL = 86_400;

    /** The phases of {@code history}'s replayed rows under the intervals of {@code config}. */
    public static PassPhase infer(SacctHistory history, SlurmSchedulerConfig config) {
        return infer(history.replayed(), history.origin(), config.schedIntervalSeconds(), config.bfIntervalSeconds(),
                config.batchSchedDelaySeconds());
    }

    /**
     * As {@link #infer(SacctHistory, SlurmSchedulerConfig)}, and when the phases are {@link #evident()} the backfill's phase
     * piece by piece ({@link #backfillPhases()}; {@code replay --phase drift}): Slurm's backfill thread sleeps bf_interval after a
     * cycle ends, so its cycles drift later by the cycles' own time, a second modulo bf_interval now and then. Of the starts
     * no main pass explains, their distinct seconds (one per cycle that started jobs) are split into pieces of time, each
     * with one phase, to put the most of them on their piece's phase less {@link #DRIFT_PENALTY} per change (a dynamic
     * programme over the seconds and the phases); a change falls halfway between the last second of the old piece and the
     * first of the new one. With one piece the phase is {@code bfPhaseSeconds} (the modal one over the starts, as before).
     */
    public static PassPhase inferDrifting(SacctHistory history, SlurmSchedulerConfig config) {
        return infer(history.replayed(), history.origin(), config.schedIntervalSeconds(), config.bfIntervalSeconds(),
                config.batchSchedDelaySeconds(), true);
    }

    /** {@link #inferDrifting(SacctHistory, SlurmSchedulerConfig)} of rows, as {@link #infer(List, long, long, long, long)}. */
    public static PassPhase inferDrifting(List<SacctJob> rows, long originSeconds, long schedInterval, long bfInterval, long batchSchedDelay) {
        return infer(rows, originSeconds, schedInterval, bfInterval, batchSchedDelay, true);
    }

    /**
     * The phases of {@code rows} (sacct rows; those without a Start are only events), times relative to
     * {@code originSeconds}; intervals in seconds (≥ 1), {@code batchSchedDelay} ≥ 0.
     */
    public static PassPhase infer(List<SacctJob> rows, long originSeconds, long schedInterval, long bfInterval, long batchSchedDelay) {
        return infer(rows, originSeconds, schedInterval, bfInterval, batchSchedDelay, false);
    }

    private static PassPhase infer(List<SacctJob> rows, long originSeconds, long schedInterval, long bfInterval, long batchSchedDelay,
            boolean drifting) {
        if (schedInterval < 1 || bfInterval < 1 || batchSchedDelay < 0) {
            throw new IllegalArgumentException("pass phase: sched_interval " + schedInterval + " s, bf_interval " + bfInterval
                    + " s, batch_sched_delay " + batchSchedDelay + " s; the intervals must be ≥ 1, the delay ≥ 0");
        }
        long[] events = new long[2 * rows.size()], starts = new long[rows.size()];
        int ne = 0, ns = 0;
        for (SacctJob j : rows) {
            long q = Math.max(j.submit(), j.eligible());
            if (j.submit() >= 0 && q >= originSeconds) events[ne++] = q - originSeconds;
            if (j.end() >= 0 && j.end() >= originSeconds) events[ne++] = j.end() - originSeconds;
            if (j.start() >= 0 && j.start() >= originSeconds) starts[ns++] = j.start() - originSeconds;
        }
        events = Arrays.copyOf(events, ne);
        Arrays.sort(events);
        events = distinct(events);
        starts = Arrays.copyOf(starts, ns);
        Arrays.sort(starts);
        if (starts.length == 0) return new PassPhase(0, 0, 0, 0, 0, null);
        // each candidate is counted on the distinct start seconds (no per-start marks); the best one's marks are walked once
        long[] seconds = distinct(starts.clone());
        int[] perSecond = new int[seconds.length];
        for (int i = 0, k = 0; i < starts.length; i++) {
            while (seconds[k] != starts[i]) k++;
            perSecond[k]++;
        }
        long[] residues = residues(starts, schedInterval);
        long[] sortedResidues = residues.clone();
        Arrays.sort(sortedResidues);
        long bestMain = 0;
        int bestCount = -1;
        int[] perPhase = null;
        if (schedInterval <= MAX_ALL_CANDIDATES) {
            int[] onTicks = new int[(int) schedInterval];
            for (long r : residues) onTicks[(int) r]++; // starts ≥ 0: residue p ⇔ on a full pass p + k·sched_interval
            perPhase = countsPerPhase(events, seconds, perSecond, onTicks, batchSchedDelay);
        }
        for (long p : candidates(events, starts, schedInterval)) {
            int c = perPhase != null ? perPhase[(int) p]
                    : countOnMainPasses(events, seconds, perSecond, onTicks(sortedResidues, p), p, schedInterval, batchSchedDelay);
            if (c > bestCount || (c == bestCount && p < bestMain)) {
                bestMain = p;
                bestCount = c;
            }
        }
        boolean[] bestOn = onMainPasses(events, starts, residues, bestMain, schedInterval, batchSchedDelay);
        long bestBf = 0;
        int bf = 0;
        if (bfInterval <= MAX_COUNTED_BF_INTERVAL) { // counts by residue in an array, walked upwards: the first of the most
            int[] byResidue = new int[(int) bfInterval];
            for (int i = 0; i < starts.length; i++) if (!bestOn[i]) byResidue[(int) Math.floorMod(starts[i], bfInterval)]++;
            for (int r = 0; r < byResidue.length; r++) {
                if (byResidue[r] > bf) {
                    bestBf = r;
                    bf = byResidue[r];
                }
            }
        } else {
            Map<Long, Integer> byResidue = new HashMap<>();
            for (int i = 0; i < starts.length; i++) if (!bestOn[i]) byResidue.merge(Math.floorMod(starts[i], bfInterval), 1, Integer::sum);
            for (var e : byResidue.entrySet()) {
                if (e.getValue() > bf || (e.getValue() == bf && e.getKey() < bestBf)) {
                    bestBf = e.getKey();
                    bf = e.getValue();
                }
            }
        }
        BackfillPhases pieces = null;
        if (drifting && 2L * (bestCount + bf) >= starts.length) {
            long[] unexplained = new long[starts.length];
            int nu = 0;
            for (int i = 0; i < starts.length; i++) if (!bestOn[i]) unexplained[nu++] = starts[i];
            pieces = driftingPieces(distinct(Arrays.copyOf(unexplained, nu)), bfInterval, bestBf);
        }
        return new PassPhase(bestMain, bestBf, bestCount, bestCount + bf, starts.length, pieces);
    }

    /**
     * The backfill's phase piece by piece from {@code seconds} (sorted, distinct: the seconds of the starts no main pass
     * explains): the pieces that put the most seconds on their phase, less {@link #DRIFT_PENALTY} per change; a change
     * halfway between the old piece's last second and the new one's first. One piece: {@code onePhase}.
     */
    static BackfillPhases driftingPieces(long[] seconds, long bfInterval, long onePhase) {
        int n = seconds.length;
        if (n == 0) return BackfillPhases.of(onePhase);
        long[] cand = driftCandidates(seconds, bfInterval);
        int m = cand.length;
        Map<Long, Integer> index = new HashMap<>();
        for (int c = 0; c < m; c++) index.put(cand[c], c);
        int[] score = new int[m];
        short[][] from = new short[n][]; // from[i][c]: the piece before second i when phase c's piece starts at i; -1: none starts
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                int best = 0;
                for (int c = 1; c < m; c++) if (score[c] > score[best]) best = c;
                int change = score[best] - DRIFT_PENALTY;
                short[] f = null;
                for (int c = 0; c < m; c++) {
                    if (change > score[c]) {
                        if (f == null) {
                            f = new short[m];
                            Arrays.fill(f, (short) -1);
                        }
                        score[c] = change;
                        f[c] = (short) best;
                    }
                }
                from[i] = f;
            }
            Integer c = index.get(Math.floorMod(seconds[i], bfInterval));
            if (c != null) score[c]++;
        }
        int last = 0;
        for (int c = 1; c < m; c++) if (score[c] > score[last]) last = c;
        List<long[]> pieces = new java.util.ArrayList<>(); // {first second, phase}, from the last
        int c = last;
        for (int i = n - 1; i > 0; i--) {
            if (from[i] != null && from[i][c] >= 0) {
                pieces.add(new long[] {(seconds[i - 1] + seconds[i] + 1) / 2, cand[c]});
                c = from[i][c];
            }
        }
        if (pieces.isEmpty()) return BackfillPhases.of(onePhase);
        pieces.add(new long[] {0, cand[c]});
        java.util.Collections.reverse(pieces);
        long[] f = new long[pieces.size()], p = new long[pieces.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = pieces.get(k)[0];
            p[k] = pieces.get(k)[1];
        }
        // the seconds are ≥ 0 and distinct: every change is at 1 s or later, after the first piece's 0
        return new BackfillPhases(f, p);
    }

    /** The phases a piece may have: every one below bf_interval, or (a long one) the most common residues of the seconds. */
    private static long[] driftCandidates(long[] seconds, long bfInterval) {
        if (bfInterval <= MAX_DRIFT_CANDIDATES) {
            long[] all = new long[(int) bfInterval];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        Map<Long, Integer> count = new HashMap<>();
        for (long s : seconds) count.merge(Math.floorMod(s, bfInterval), 1, Integer::sum);
        return count.entrySet().stream().sorted((a, b) -> a.getValue().equals(b.getValue()) ? Long.compare(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue())).limit(MAX_DRIFT_CANDIDATES).mapToLong(e -> e.getKey()).sorted().toArray();
    }

    /** The sorted array without repeats. */
    private static long[] distinct(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) if (n == 0 || sorted[i] != sorted[n - 1]) sorted[n++] = sorted[i];
        return Arrays.copyOf(sorted, n);
    }

    /** Every phase below sched_interval, or (a long sched_interval) the most common phases of the starts no event explains. */
    private static long[] candidates(long[] events, long[] starts, long schedInterval) {
        if (schedInterval <= MAX_ALL_CANDIDATES) {
            long[] all = new long[(int) schedInterval];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        Map<Long, Integer> count = new HashMap<>();
        for (long s : starts) if (Arrays.binarySearch(events, s) < 0) count.merge(Math.floorMod(s, schedInterval), 1, Integer::sum);
        count.putIfAbsent(0L, 0);
        return count.entrySet().stream().sorted((a, b) -> a.getValue().equals(b.getValue()) ? Long.compare(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue())).limit(FEW_CANDIDATES).mapToLong(e -> e.getKey()).sorted().toArray();
    }

    /**
     * For each of {@code starts} (sorted): does it fall in a second with a main pass at phase {@code p}, the passes as
     * {@code SlurmSchedulerPolicy} runs them from the events (sorted, distinct): a full pass at p + k·schedInterval, a
     * pass after an event once {@code delay} seconds have passed since the last main pass of either kind. Walks the events
     * only (the full passes in between are counted from the phase), so a long history with few events costs little.
     */
    static boolean[] onMainPasses(long[] events, long[] starts, long p, long schedInterval, long delay) {
        return onMainPasses(events, starts, residues(starts, schedInterval), p, schedInterval, delay);
    }

    /** Each start modulo {@code interval}. */
    private static long[] residues(long[] starts, long interval) {
        long[] r = new long[starts.length];
        for (int i = 0; i < starts.length; i++) r[i] = Math.floorMod(starts[i], interval);
        return r;
    }

    /** As above, with each start's residue modulo schedInterval given ({@code residues}: once for all phases). */
    private static boolean[] onMainPasses(long[] events, long[] starts, long[] residues, long p, long schedInterval, long delay) {
        boolean[] on = new boolean[starts.length];
        if (starts.length == 0) return on;
        for (int i = 0; i < starts.length; i++) on[i] = residues[i] == p && starts[i] >= p;
        long end = starts[starts.length - 1];
        long last = Long.MIN_VALUE / 4; // the last main pass
        boolean pending = false;
        int si = 0;
        for (int ei = 0; ei <= events.length; ei++) {
            long e = ei < events.length ? events[ei] : Long.MAX_VALUE;
            if (pending) {
                // the pending pass: after the delay, unless a full pass comes first (it clears the event)
                long due = last + delay, tick = tickAfter(last, p, schedInterval);
                long at = Math.min(due, tick);
                if (at <= e) {
                    if (at > end) break;
                    if (at < tick) si = mark(starts, on, si, at);
                    last = at;
                    pending = false;
                }
            }
            if (e > end) break;
            long lastTick = e < p ? Long.MIN_VALUE / 4 : p + Math.floorDiv(e - p, schedInterval) * schedInterval;
            if (lastTick > last) last = lastTick;
            if (last == e) {
                pending = false; // a full pass at the event's second
            } else if (e - last >= delay) {
                si = mark(starts, on, si, e);
                last = e;
                pending = false;
            } else {
                pending = true;
            }
        }
        return on;
    }

    /** How many starts (all ≥ 0) have residue {@code p}: the starts on the full passes p + k·schedInterval. */
    private static int onTicks(long[] sortedResidues, long p) {
        int from = lowerBound(sortedResidues, p), to = lowerBound(sortedResidues, p + 1);
        return to - from;
    }

    /** The first index of {@code sorted} holding a value ≥ {@code v}. */
    private static int lowerBound(long[] sorted, long v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * How many starts fall in a second with a main pass at phase {@code p}: the same walk as {@link #onMainPasses} on the
     * distinct start seconds ({@code seconds}, sorted, ≥ 0, {@code perSecond} starts each), {@code onTicks} of them on the
     * full passes. An event pass is never at a full pass's second (that pass is the full one), and the passes' seconds rise,
     * so each second is counted at most once. The last full pass is kept from event to event (a division only when an
     * event is past the next full pass).
     */
    static int countOnMainPasses(long[] events, long[] seconds, int[] perSecond, int onTicks, long p, long schedInterval, long delay) {
        if (seconds.length == 0) return 0;
        // the whole history as one run from a fresh state (the first event sees no main pass in the delay before it)
        return onTicks + walkRun(events, 0, events.length, seconds, perSecond, 0, p, schedInterval, delay);
    }

    /**
     * {@link #countOnMainPasses} for every phase 0 ≤ p &lt; {@code onTicks.length} (the sched_interval) at once. The events
     * fall into runs whose gaps are below 2·delay; a run starts afresh (whatever came before, its first event sees no main
     * pass in the delay before it but a full one), and a run's passes depend on the phase only through the full passes in
     * [its first event − delay, its last event + delay]. So each run is walked once without full passes, and again only for
     * the phases with a full pass in that window (all of them when it is at least sched_interval long).
     */
    static int[] countsPerPhase(long[] events, long[] seconds, int[] perSecond, int[] onTicks, long delay) {
        int interval = onTicks.length;
        int[] counts = new int[interval];
        long noTicks = 0;
        int si = 0;
        for (int a = 0; a < events.length;) {
            int b = a + 1;
            while (b < events.length && events[b] - events[b - 1] < 2 * delay) b++;
            while (si < seconds.length && seconds[si] < events[a]) si++; // the run's passes are at or after its first event
            int base = walkRun(events, a, b, seconds, perSecond, si, -1, interval, delay);
            noTicks += base;
            long lo = events[a] - delay, hi = events[b - 1] + delay;
            if (hi - lo + 1 >= interval) {
                for (int p = 0; p < interval; p++) counts[p] += walkRun(events, a, b, seconds, perSecond, si, p, interval, delay) - base;
            } else {
                for (long t = lo; t <= hi; t++) {
                    int p = (int) Math.floorMod(t, (long) interval);
                    counts[p] += walkRun(events, a, b, seconds, perSecond, si, p, interval, delay) - base;
                }
            }
            a = b;
        }
        for (int p = 0; p < interval; p++) counts[p] = (int) (counts[p] + noTicks + onTicks[p]);
        return counts;
    }

    /**
     * The starts at the event passes of the run {@code events[a..b)} walked from a fresh state (no main pass in the delay
     * before its first event), with full passes at p + k·schedInterval ({@code p} &lt; 0: none), its pending pass included;
     * {@code si}: the first index of {@code seconds} at or after the run's first event.
     */
    private static int walkRun(long[] events, int a, int b, long[] seconds, int[] perSecond, int si, long p, long schedInterval,
            long delay) {
        int count = 0;
        long last = Long.MIN_VALUE / 4;
        long lastTick = Long.MIN_VALUE / 4, nextTick = p < 0 ? Long.MAX_VALUE : p;
        boolean pending = false;
        for (int ei = a; ei <= b; ei++) {
            long e = ei < b ? events[ei] : Long.MAX_VALUE; // the next run starts at least 2·delay later: the pending pass runs
            if (pending) {
                long due = last + delay, tick = nextTick;
                long at = Math.min(due, tick);
                if (at <= e) {
                    if (at < tick) {
                        while (si < seconds.length && seconds[si] < at) si++;
                        if (si < seconds.length && seconds[si] == at) count += perSecond[si];
                    }
                    last = at;
                    pending = false;
                }
            }
            if (ei == b) break;
            if (e >= nextTick) {
                lastTick = p + Math.floorDiv(e - p, schedInterval) * schedInterval;
                nextTick = lastTick + schedInterval;
            }
            if (lastTick > last) last = lastTick;
            if (last == e) {
                pending = false;
            } else if (e - last >= delay) {
                while (si < seconds.length && seconds[si] < e) si++;
                if (si < seconds.length && seconds[si] == e) count += perSecond[si];
                last = e;
                pending = false;
            } else {
                pending = true;
            }
        }
        return count;
    }

    /** The first full pass after second {@code t}. */
    private static long tickAfter(long t, long p, long schedInterval) {
        if (t < p) return p;
        return p + (Math.floorDiv(t - p, schedInterval) + 1) * schedInterval;
    }

    /** Marks the starts at second {@code t} (from index {@code from}, starts sorted, t not decreasing); the next index. */
    private static int mark(long[] starts, boolean[] on, int from, long t) {
        int i = from;
        while (i < starts.length && starts[i] < t) i++;
        for (int k = i; k < starts.length && starts[k] == t; k++) on[k] = true;
        return i;
    }

    /**
     * True when at least half the starts fall in a second with a pass at these phases. Every start of a real Slurm
     * comes from a pass (the fourteen real runs: 78–100 % of them on the passes inferred); fewer mean the starts do not show
     * Slurm's passes (a generated history: the 100k busy one has 8 %), and a replay keeps phase 0.
     */
    public boolean evident() {
        return starts > 0 && 2L * startsOnPasses >= starts;
    }

    @Override
    public String toString() {
        return "PassPhase[main " + mainPhaseSeconds + " s, backfill " + bfPhaseSeconds + " s: " + startsOnPasses + " of " + starts
                + " starts on a pass, " + startsOnMainPasses + " on a main pass" + (backfillPhases == null || backfillPhases.pieces() == 1 ? ""
                : "; backfill by piece " + backfillPhases) + "]";
    }
}
