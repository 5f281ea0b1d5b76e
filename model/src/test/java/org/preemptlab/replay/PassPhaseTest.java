package org.preemptlab.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;

/** {@link PassPhase} on hand-made sacct rows (sched_interval 10 s, bf_interval 5 s, batch_sched_delay 3 s). */
class PassPhaseTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 7, 10, 0, 0);
    private static final DateTimeFormatter F = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    /** A sacct history of rows {id, submit, start, end} in seconds after T0 (start -1: never started). */
    static SacctHistory history(long[]... rows) throws Exception {
        StringBuilder b = new StringBuilder(String.join("|", SacctReader.FIELDS)).append('\n');
        for (long[] r : rows) {
            String submit = F.format(T0.plusSeconds(r[1]));
            boolean ran = r[2] >= 0;
            String start = ran ? F.format(T0.plusSeconds(r[2])) : "Unknown";
            String end = ran ? F.format(T0.plusSeconds(r[3])) : F.format(T0.plusSeconds(r[3]));
            long el = ran ? r[3] - r[2] : 0;
            b.append(r[0]).append("|j").append(r[0]).append("|u|a|cpu|normal|").append(submit).append('|').append(submit).append('|')
                    .append(start).append('|').append(end).append(String.format("|00:%02d:%02d|00:10:00|1|1|100M|cpu=1,mem=100M,node=1|", el / 60, el % 60))
                    .append(ran ? "cpu=1,mem=100M,node=1|c1|COMPLETED|1\n" : "|None assigned|CANCELLED|1\n");
        }
        return SacctReader.read(b.toString(), "hand-made");
    }

    @Test
    void mainPhaseFromStartsNoEventExplainsThenBackfillPhaseFromTheRest() throws Exception {
        // submits at 0-4 and 30; the main passes after them run at 0, 3, 6 (batch_sched_delay 3) and 30; all ends after 200
        SacctHistory h = history(
                new long[] {1, 0, 7, 200}, new long[] {2, 1, 17, 203}, new long[] {3, 2, 27, 206}, // full main passes at 7 + 10k
                new long[] {4, 3, 9, 209}, new long[] {5, 3, 14, 212}, new long[] {6, 4, 24, 215}, // backfill cycles at 4 + 5k
                new long[] {7, 30, 30, 218}); // the main pass after its submit
        PassPhase p = PassPhase.infer(h.replayed(), h.origin(), 10, 5, 3);
        assertThat(p.mainPhaseSeconds()).isEqualTo(7);
        assertThat(p.bfPhaseSeconds()).isEqualTo(4);
        assertThat(p.startsOnMainPasses()).isEqualTo(4);
        assertThat(p.startsOnPasses()).isEqualTo(7);
        assertThat(p.starts()).isEqualTo(7);
        assertThat(p.evident()).isTrue();
        // phase 4 would put full passes at 14 and 24 (3 starts) and the pass after 30's submit at 30: fewer than 7's 4
        assertThat(PassPhase.onMainPasses(new long[] {0, 1, 2, 3, 4, 30}, new long[] {7, 9, 14, 17, 24, 27, 30}, 4, 10, 3))
                .containsExactly(false, false, true, false, true, false, true);
    }

    @Test
    void anEventPassWaitsForBatchSchedDelayAfterTheLastMainPass() {
        // events at 0 and 1: passes at 0 and 3 (not 1); with no delay at 0 and 1
        long[] ev = {0, 1}, starts = {1, 3};
        assertThat(PassPhase.onMainPasses(ev, starts, 9, 10, 3)).containsExactly(false, true);
        assertThat(PassPhase.onMainPasses(ev, starts, 9, 10, 0)).containsExactly(true, false);
    }

    @Test
    void backfillOnlyStartsGiveTheBackfillPhase() throws Exception {
        // one submit at 0 (a main pass then); starts at 12, 22, 37, 52 (2 mod 5) and none on a main pass at the best main phase
        SacctHistory h = history(new long[] {1, 0, 12, 300}, new long[] {2, 0, 22, 300}, new long[] {3, 0, 37, 301},
                new long[] {4, 0, 52, 302});
        PassPhase p = PassPhase.infer(h, org.preemptlab.slurmsched.SlurmSchedulerConfig.of(
                org.preemptlab.slurmconf.SchedulerParameters.parse("bf_interval=5,sched_interval=10")));
        assertThat(p.bfPhaseSeconds()).isEqualTo(2);
        assertThat(p.startsOnPasses()).isEqualTo(4);
        // the main phase explains three of them (full passes at 2 + 10k: 12, 22, 52); the backfill phase the fourth (37)
        assertThat(p.mainPhaseSeconds()).isEqualTo(2);
        assertThat(p.startsOnMainPasses()).isEqualTo(3);
    }

    @Test
    void startsThatShowNoPassGridAreNotEvident() throws Exception {
        // all submitted at 0, starts every 11 s: at the best phases 4 of the 9 fall on a pass (7 and 97 on full passes at
        // 7 + 10k, 41 and 86 on cycles at 1 + 5k), fewer than half: a replay keeps phase 0
        long[] starts = {7, 18, 29, 41, 52, 63, 74, 86, 97};
        long[][] rows = new long[starts.length][];
        for (int i = 0; i < starts.length; i++) rows[i] = new long[] {i + 1, 0, starts[i], 400 + i};
        SacctHistory h = history(rows);
        PassPhase p = PassPhase.infer(h.replayed(), h.origin(), 10, 5, 3);
        assertThat(p.mainPhaseSeconds()).isEqualTo(7);
        assertThat(p.bfPhaseSeconds()).isEqualTo(1);
        assertThat(p.startsOnPasses()).isEqualTo(4);
        assertThat(p.evident()).isFalse();
    }

    /** The reference: the policy's main passes walked second by second (a full pass at p + k·si, an event pass after the delay). */
    static boolean[] mainPassesSecondBySecond(long[] events, long[] starts, long p, long si, long delay) {
        java.util.Set<Long> ev = new java.util.HashSet<>();
        for (long e : events) ev.add(e);
        java.util.Set<Long> passes = new java.util.HashSet<>();
        long last = Long.MIN_VALUE / 4;
        boolean pending = false;
        for (long t = 0; t <= starts[starts.length - 1]; t++) {
            if (ev.contains(t)) pending = true;
            if ((t >= p && (t - p) % si == 0) || (pending && t - last >= delay)) {
                passes.add(t);
                last = t;
                pending = false;
            }
        }
        boolean[] on = new boolean[starts.length];
        for (int i = 0; i < starts.length; i++) on[i] = passes.contains(starts[i]);
        return on;
    }

    @Test
    void theEventWalkGivesTheSecondBySecondPasses() {
        java.util.Random r = new java.util.Random(15);
        for (int n = 0; n < 3000; n++) {
            long span = 5 + r.nextInt(200);
            long[] events = r.longs(r.nextInt(30), 0, span).sorted().distinct().toArray();
            long[] starts = r.longs(1 + r.nextInt(30), 0, span).sorted().toArray();
            long si = 1 + r.nextInt(15), delay = r.nextInt(6), p = r.nextInt((int) si);
            assertThat(PassPhase.onMainPasses(events, starts, p, si, delay))
                    .as("events %s starts %s phase %d interval %d delay %d", java.util.Arrays.toString(events), java.util.Arrays.toString(starts),
                            p, si, delay)
                    .containsExactly(mainPassesSecondBySecond(events, starts, p, si, delay));
        }
    }

    @Test
    void theCountOnDistinctSecondsIsTheSecondBySecondCount() {
        java.util.Random r = new java.util.Random(1215);
        for (int n = 0; n < 5000; n++) {
            long span = 5 + r.nextInt(300);
            long[] events = r.longs(r.nextInt(40), 0, span).sorted().distinct().toArray();
            long[] starts = r.longs(1 + r.nextInt(40), 0, span).sorted().toArray(); // repeats: several starts in one second
            long si = 1 + r.nextInt(20), delay = r.nextInt(8), p = r.nextInt((int) si);
            long[] seconds = java.util.Arrays.stream(starts).distinct().toArray();
            int[] perSecond = new int[seconds.length];
            int onTicks = 0;
            for (long s : starts) {
                perSecond[java.util.Arrays.binarySearch(seconds, s)]++;
                if (s % si == p) onTicks++;
            }
            int expected = 0;
            for (boolean b : mainPassesSecondBySecond(events, starts, p, si, delay)) if (b) expected++;
            assertThat(PassPhase.countOnMainPasses(events, seconds, perSecond, onTicks, p, si, delay))
                    .as("events %s starts %s phase %d interval %d delay %d", java.util.Arrays.toString(events), java.util.Arrays.toString(starts),
                            p, si, delay)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theRunsCountEveryPhaseAsTheWholeWalkDoes() {
        java.util.Random r = new java.util.Random(20);
        for (int n = 0; n < 4000; n++) {
            long span = 5 + r.nextInt(n % 2 == 0 ? 300 : 3000); // dense and sparse events
            long[] events = r.longs(r.nextInt(60), 0, span).sorted().distinct().toArray();
            long[] starts = r.longs(1 + r.nextInt(60), 0, span).sorted().toArray();
            int si = 1 + r.nextInt(40);
            long delay = r.nextInt(9);
            long[] seconds = java.util.Arrays.stream(starts).distinct().toArray();
            int[] perSecond = new int[seconds.length], onTicks = new int[si];
            for (long s : starts) {
                perSecond[java.util.Arrays.binarySearch(seconds, s)]++;
                onTicks[(int) (s % si)]++;
            }
            int[] all = PassPhase.countsPerPhase(events, seconds, perSecond, onTicks, delay);
            for (int p = 0; p < si; p++) {
                assertThat(all[p]).as("events %s starts %s phase %d interval %d delay %d", java.util.Arrays.toString(events),
                        java.util.Arrays.toString(starts), p, si, delay)
                        .isEqualTo(PassPhase.countOnMainPasses(events, seconds, perSecond, onTicks[p], p, si, delay));
            }
        }
    }

    @Test
    void noStartsGivePhaseZeroAndBadIntervalsAreNamed() throws Exception {
        SacctHistory h = history(new long[] {1, 0, -1, 5});
        PassPhase p = PassPhase.infer(h.replayed(), h.origin(), 10, 5, 3);
        assertThat(p.mainPhaseSeconds()).isZero();
        assertThat(p.bfPhaseSeconds()).isZero();
        assertThat(p.starts()).isZero();
        assertThat(p.evident()).isFalse();
        assertThatThrownBy(() -> PassPhase.infer(h.replayed(), h.origin(), 0, 5, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sched_interval 0 s");
    }

    /** All submitted at 0, ends after 400; starts at {@code starts} (sched_interval 60 s, bf_interval 5 s, batch_sched_delay 3 s). */
    private static PassPhase drifting(long[] starts, boolean pieces) throws Exception {
        long[][] rows = new long[starts.length][];
        for (int i = 0; i < starts.length; i++) rows[i] = new long[] {i + 1, 0, starts[i], 400 + i};
        SacctHistory h = history(rows);
        return pieces ? PassPhase.inferDrifting(h.replayed(), h.origin(), 60, 5, 3) : PassPhase.infer(h.replayed(), h.origin(), 60, 5, 3);
    }

    @Test
    void aBackfillPhaseThatDriftsMidHistoryIsFoundPieceByPiece() throws Exception {
        // the backfill's cycles at 3 + 5k until about 100 s, then (Slurm's timer drifted a second) at 4 + 5k; the starts' seconds
        // modulo 60 all differ, so a main phase explains one of them at most (4: the start at 124)
        long[] starts = {13, 23, 33, 43, 53, 68, 78, 88, 114, 124, 134, 149, 159, 169};
        PassPhase one = drifting(starts, false);
        assertThat(one.mainPhaseSeconds()).isEqualTo(4);
        assertThat(one.bfPhaseSeconds()).isEqualTo(3); // one phase: the late starts are 1 s off its cycles
        assertThat(one.backfillPhases()).isNull();
        PassPhase p = drifting(starts, true);
        assertThat(p.mainPhaseSeconds()).isEqualTo(4);
        assertThat(p.bfPhaseSeconds()).isEqualTo(3);
        assertThat(p.startsOnPasses()).isEqualTo(9);
        assertThat(p.evident()).isTrue();
        // 3 s, then 4 s from halfway between 88 (the last start at 3 + 5k) and 114 (the first at 4 + 5k)
        assertThat(p.backfillPhases()).isEqualTo(new org.preemptlab.slurmsched.BackfillPhases(new long[] {0, 101}, new long[] {3, 4}));
        assertThat(p.toString()).contains("backfill by piece 3 s, 4 s from 101 s");
        // every start no main pass explains is on its piece's cycles
        for (long s : starts) {
            if (s == 124) continue;
            assertThat(p.backfillPhases().tickAtOrAfter(s, 5)).as("start %d", s).isEqualTo(s);
        }
    }

    @Test
    void aDriftSeenInTooFewCyclesIsNotAPiece() throws Exception {
        // three seconds on 4 + 5k after eight on 3 + 5k: not more than the penalty (3) more than the old phase has there
        PassPhase p = drifting(new long[] {13, 23, 33, 43, 53, 68, 78, 88, 114, 134, 149}, true);
        assertThat(p.bfPhaseSeconds()).isEqualTo(3);
        assertThat(p.backfillPhases()).isEqualTo(org.preemptlab.slurmsched.BackfillPhases.of(3));
        // several jobs in one cycle are one sighting of the timer: five jobs at 114 and 134 still make two seconds
        PassPhase crowded = drifting(new long[] {13, 23, 33, 43, 53, 68, 78, 88, 114, 114, 114, 134, 134, 134}, true);
        assertThat(crowded.backfillPhases().pieces()).isEqualTo(1);
        // not evident (the starts show no passes): no pieces are looked for
        long[] scattered = {7, 18, 29, 41, 52, 63, 74, 86, 97};
        assertThat(drifting(scattered, true).evident()).isFalse();
        assertThat(drifting(scattered, true).backfillPhases()).isNull();
    }
}
