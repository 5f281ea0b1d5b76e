package org.preemptlab.replay;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.preemptlab.background.SecondThread;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctJob;
import org.preemptlab.history.SacctRule;
import org.preemptlab.slurmconf.ImportReport;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * In a cold JVM a long replay's first seconds run the scheduler's code in the interpreter and C1 while C2 compiles it on
 * the second core. A warm-up replays the history's first rows ({@link #PREFIX} of them, in file order) on a second thread
 * while the caller builds the jobs of the whole history and prepares its run, so that the scheduler's hot code is compiled
 * earlier; the caller {@link #stop}s it once its own run is under way and {@link #close}s it (joins its thread) on every path.
 *
 * <p>The warm-up shares nothing that changes with the caller's replay: its own site record (the same parsed files, its own
 * report), its own history record (the first rows: immutable), its own cluster, jobs and engine; its result and warnings are
 * dropped, and so is anything it throws (a warm-up changes no output). Only for histories of at least {@link #MIN_JOBS}
 * replayed rows: below that the compilation the warm-up brings forward does not pay for the warm-up's own work.
 */
public final class ReplayWarmUp implements AutoCloseable {

    /** Histories with fewer replayed rows than this get no warm-up ({@link #start} returns {@link #NONE}). */
    public static final int MIN_JOBS = 20_000;

    /** How many of the history's first replayed rows the warm-up replays (at most). */
    static final int PREFIX = 3_000;

    /** No warm-up: stop and close do nothing. */
    public static final ReplayWarmUp NONE = new ReplayWarmUp(null, new AtomicBoolean());

    private final SecondThread<Integer> thread;
    private final AtomicBoolean stop;

    private ReplayWarmUp(SecondThread<Integer> thread, AtomicBoolean stop) {
        this.thread = thread;
        this.stop = stop;
    }

    /**
     * The warm-up of a replay of {@code history} on {@code site} with {@code options} (the priority mode and the backfill's
     * plans are the run's; the passes on phase 0, no log: the warm-up needs no phase inference), started now on a second
     * thread; {@link #NONE} when the history is shorter than {@link #MIN_JOBS} replayed rows.
     */
    public static ReplayWarmUp start(SlurmSite site, SacctHistory history, SiteReplayRun.Options options) {
        return start(site, history, options, MIN_JOBS, PREFIX);
    }

    /** As above with {@code min} for {@link #MIN_JOBS} and {@code rows} for {@link #PREFIX} (tests: small histories). */
    static ReplayWarmUp start(SlurmSite site, SacctHistory history, SiteReplayRun.Options options, int min, int rows) {
        List<SacctJob> prefix = prefix(history, min, rows);
        if (prefix.isEmpty()) return NONE;
        SacctHistory first = history(history.source(), prefix);
        SlurmSite own = SlurmSite.of(site.conf(), site.gres(), site.dump(), site.qosTable(), new ImportReport());
        SiteReplayRun.Options o = new SiteReplayRun.Options(options.priority(), 0, null, options.toleranceSeconds(), options.plans());
        AtomicBoolean stop = new AtomicBoolean();
        SecondThread<Integer> t = SecondThread.start("preemptlab-replay-warm-up", () -> {
            try {
                return SiteReplay.replay(own, first, o.phaseSeconds(), o.toleranceSeconds(), o.priority(), (done, total) -> {
                    if (stop.get()) throw new CancellationException("warm-up stopped");
                }, null, null, o.plans()).replayed();
            } catch (RuntimeException e) {
                return -1; // stopped, or failed: a warm-up changes nothing either way
            }
        });
        return new ReplayWarmUp(t, stop);
    }

    /**
     * The first {@code prefix} replayed rows of {@code history} in file order, or none when it has fewer than {@code min}
     * replayed rows.
     */
    static List<SacctJob> prefix(SacctHistory history, int min, int prefix) {
        List<SacctJob> first = new ArrayList<>(prefix);
        int replayed = 0;
        for (SacctJob j : history.jobs()) {
            if (!j.rule().replayed()) continue;
            if (replayed++ < prefix) first.add(j);
        }
        return replayed < min ? List.of() : first;
    }

    /** A history of {@code rows} (all replayed rows) with their rules' counts. */
    private static SacctHistory history(String source, List<SacctJob> rows) {
        EnumMap<SacctRule, Integer> counts = new EnumMap<>(SacctRule.class);
        for (SacctJob j : rows) counts.merge(j.rule(), 1, Integer::sum);
        return new SacctHistory(source, rows, counts);
    }

    /** Asks the warm-up to stop at its next progress report (it reports every half per cent of its jobs). */
    public void stop() {
        stop.set(true);
    }

    /** Whether this is a warm-up that runs (or ran): false for {@link #NONE}. */
    public boolean started() {
        return thread != null;
    }

    /**
     * Stops the warm-up and waits until its thread has ended; the jobs it replayed to the end (all of its rows), or −1 when
     * it was stopped before (or failed); 0 for {@link #NONE}.
     */
    public int finish() {
        if (thread == null) return 0;
        stop();
        Integer r = thread.get();
        return r == null ? -1 : r;
    }

    /** Tests: waits, without stopping it, until the warm-up has ended; what {@link #finish} returns. */
    int join() {
        if (thread == null) return 0;
        Integer r = thread.get();
        return r == null ? -1 : r;
    }

    /** {@link #finish}, its count dropped. */
    @Override
    public void close() {
        finish();
    }
}
