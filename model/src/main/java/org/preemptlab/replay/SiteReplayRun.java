package org.preemptlab.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.preemptlab.fidelity.WhatIfComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.units.Units;

/**
 * One replay of a sacct history on a site's files as {@code replay --model site} and the planner's
 * File ▸ Import Slurm history ask for it — the priority mode, the passes (phase grid or slurmctld's
 * log), the tolerance — and, for a what-if, the same history replayed on a baseline site with the same
 * options and the two predicted schedules compared ({@link WhatIfComparison}). One implementation for
 * both, so the window shows what the command reports.
 */
public final class SiteReplayRun {

    /**
     * How to replay.
     *
     * @param priority         multifactor (the engine's) or sacct's Priority column
     * @param phaseSeconds     the periodic passes run at phase + k × interval (≥ 0; 0 with a log), or {@link PassPhase#AUTO}:
     *                         the phase inferred from the history's starts (with a log: the log's passes)
     * @param log              slurmctld's recorded passes, or null (the phase grid)
     * @param toleranceSeconds the within-tolerance bound, or null for max(2 × bf_interval, 60 s)
     * @param plans            how the backfill plans (null: {@link BackfillPlans#DEFAULT})
     * @param sameSecond       without a log, the order of passes and ends within a second (null: {@link SameSecond#AUTO})
     */
    public record Options(SiteReplay.Priority priority, long phaseSeconds, SlurmctldLog log, Long toleranceSeconds,
            BackfillPlans plans, SameSecond sameSecond) {
        public Options {
            if (priority == null) priority = SiteReplay.Priority.MULTIFACTOR;
            if (plans == null) plans = BackfillPlans.DEFAULT;
            if (sameSecond == null) sameSecond = SameSecond.AUTO;
            if (phaseSeconds < 0 && phaseSeconds != PassPhase.AUTO && phaseSeconds != PassPhase.AUTO_DRIFT) {
                throw new IllegalArgumentException("phase is " + phaseSeconds + " s; must be ≥ 0 (or PassPhase.AUTO, AUTO_DRIFT)");
            }
            if (toleranceSeconds != null && toleranceSeconds < 0) {
                throw new IllegalArgumentException("tolerance is " + toleranceSeconds + " s; must be ≥ 0");
            }
            if (log != null && phaseSeconds != 0 && phaseSeconds != PassPhase.AUTO && phaseSeconds != PassPhase.AUTO_DRIFT) {
                throw new IllegalArgumentException("a phase and slurmctld's log: give one (the log has the passes' instants)");
            }
        }

        /** With the default same-second order ({@link SameSecond#AUTO}). */
        public Options(SiteReplay.Priority priority, long phaseSeconds, SlurmctldLog log, Long toleranceSeconds, BackfillPlans plans) {
            this(priority, phaseSeconds, log, toleranceSeconds, plans, SameSecond.AUTO);
        }

        /** With the backfill's default plans ({@link BackfillPlans#DEFAULT}). */
        public Options(SiteReplay.Priority priority, long phaseSeconds, SlurmctldLog log, Long toleranceSeconds) {
            this(priority, phaseSeconds, log, toleranceSeconds, BackfillPlans.DEFAULT);
        }

        /** These options with the backfill's plans {@code p}. */
        public Options withPlans(BackfillPlans p) {
            return new Options(priority, phaseSeconds, log, toleranceSeconds, p, sameSecond);
        }

        /** These options with the same-second order {@code o}. */
        public Options withSameSecond(SameSecond o) {
            return new Options(priority, phaseSeconds, log, toleranceSeconds, plans, o);
        }

        /** Multifactor priority, the phase inferred from the history ({@link PassPhase#AUTO}), no log, the default tolerance, the default plans. */
        public static Options defaults() {
            return new Options(SiteReplay.Priority.MULTIFACTOR, PassPhase.AUTO, null, null);
        }
    }

    /**
     * The outcome.
     *
     * @param result   the replay (of the what-if site when there is a baseline)
     * @param reasons  each job's pending reasons in that replay, or null when not asked for
     * @param warnings the replay's warnings, then the baseline's own ones prefixed "baseline: "
     * @param baseline the baseline's replay, or null
     * @param whatIf   the what-if against the baseline, or null
     */
    public record Outcome(HistoryReplay.Result result, ReplayReasons reasons, List<String> warnings, HistoryReplay.Result baseline,
            WhatIfComparison whatIf) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /** Where a run is: which replay ({@code "baseline"} or {@code "what-if"}, empty without a baseline) and how many jobs ended. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (replay, done, total) -> {};

        void progress(String replay, long jobsDone, long jobsTotal);
    }

    private SiteReplayRun() {}

    /**
     * Replays {@code history} on {@code site}, and when {@code baseline} is not null on it too (first) with the
     * same options, and compares the two; {@code withReasons}: keep each job's pending reasons (the planner's
     * worst-jobs list; else {@link Outcome#reasons()} is null).
     */
    public static Outcome run(SlurmSite site, SlurmSite baseline, SacctHistory history, Options options, boolean withReasons,
            Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        ReplayReasons[] reasons = new ReplayReasons[1];
        HistoryReplay.Result base = null;
        HistoryReplay.Result r;
        if (baseline == null) {
            r = replay(site, history, options, listener(p, ""), withReasons ? reasons : null);
        } else {
            // the two replays share nothing but the (read-only) history and options: the baseline runs on a second thread
            // while the what-if runs on this one, so on two cores a what-if takes about as long as one replay. Every progress
            // report, the baseline's too, is made from this thread (a caller's listener may touch what only it may touch).
            AtomicBoolean abandoned = new AtomicBoolean();
            AtomicLong baseDone = new AtomicLong();
            AtomicLong baseTotal = new AtomicLong(-1);
            FutureTask<HistoryReplay.Result> baseTask = new FutureTask<>(() -> replay(baseline, history, options, (done, total) -> {
                if (abandoned.get()) throw new CancellationException("the what-if replay stopped");
                baseDone.set(done);
                baseTotal.set(total);
            }, null));
            Thread t = new Thread(baseTask, "preemptlab-baseline-replay");
            t.setDaemon(true);
            t.start();
            ProgressListener whatIfProgress = listener(p, "what-if");
            try {
                r = replay(site, history, options, (done, total) -> {
                    baselineProgress(p, baseDone, baseTotal);
                    whatIfProgress.progress(done, total);
                }, withReasons ? reasons : null);
                base = awaitBaseline(baseTask, p, baseDone, baseTotal);
            } catch (RuntimeException | Error e) {
                abandoned.set(true); // the baseline stops at its next progress report; no thread is left running
                org.preemptlab.background.SecondThread.joinUninterruptibly(t);
                throw e;
            }
        }
        List<String> warnings = new ArrayList<>(r.warnings());
        WhatIfComparison whatIf = null;
        if (base != null) {
            for (String w : base.warnings()) if (!r.warnings().contains(w)) warnings.add("baseline: " + w);
            whatIf = WhatIfComparison.of(base.comparison(), r.comparison());
        }
        return new Outcome(r, reasons[0], warnings, base, whatIf);
    }

    /** The baseline's progress as last reported on its thread, told to {@code p} (from the caller's thread). */
    private static void baselineProgress(Progress p, AtomicLong done, AtomicLong total) {
        long tot = total.get();
        if (tot >= 0) p.progress("baseline", done.get(), tot);
    }

    /**
     * The baseline replay's result once its thread has ended, its progress told meanwhile every quarter of a second (a
     * report, not a timing: the result does not depend on it) and its last report told once it has ended (on a busy
     * machine the what-if may end before the baseline has reported at all: the caller still hears that it finished);
     * its exception as this thread's own (a failure, a cancel).
     */
    static HistoryReplay.Result awaitBaseline(FutureTask<HistoryReplay.Result> task, Progress p, AtomicLong done,
            AtomicLong total) {
        while (true) {
            try {
                HistoryReplay.Result r = task.get(250, TimeUnit.MILLISECONDS);
                baselineProgress(p, done, total); // its last report (a replay reports at its end), from this thread
                return r;
            } catch (TimeoutException e) {
                baselineProgress(p, done, total);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while the baseline replay ran");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error er) throw er;
                throw new IllegalStateException("the baseline replay failed: " + c, c);
            }
        }
    }

    /** The baseline's files: each one given, else the what-if's ({@code --baseline-gres-conf} defaults to {@code --gres-conf}, …). */
    public static SlurmSite.Files baselineFiles(SlurmSite.Files whatIf, SlurmSite.Files given) {
        return new SlurmSite.Files(or(given.slurmConf(), whatIf.slurmConf()), or(given.gresConf(), whatIf.gresConf()),
                or(given.sacctmgrDump(), whatIf.sacctmgrDump()), or(given.sacctmgrQos(), whatIf.sacctmgrQos()));
    }

    /** A what-if change in % as a person reads it: {@code +12.5 %}, {@code -40.0 %}, {@code 0 %}; "baseline 0" when it has no %. */
    public static String changeText(double percent) {
        if (Double.isNaN(percent)) return "baseline 0";
        return (percent > 0 ? "+" : "") + Units.share(percent / 100);
    }

    /** One group of a what-if in human units, as {@code replay} prints it: jobs, mean and median wait before → after, earlier / later. */
    public static String whatIfLine(WhatIfComparison.Group g) {
        return Units.count(g.jobs(), "job") + ", mean wait " + Units.duration(g.meanWaitBaselineSeconds()) + " → "
                + Units.duration(g.meanWaitWhatIfSeconds()) + " (" + changeText(g.meanWaitChangePercent()) + "), median "
                + Units.duration(g.medianWaitBaselineSeconds()) + " → " + Units.duration(g.medianWaitWhatIfSeconds()) + " ("
                + changeText(g.medianWaitChangePercent()) + "); " + g.startedEarlier() + " start earlier, " + g.startedLater() + " later, "
                + g.startedSame() + " the same";
    }

    /** The what-if's first line: how many jobs were compared and how many started in one replay only. */
    public static String whatIfHeadline(WhatIfComparison w) {
        return String.format(Locale.ROOT, "what-if against the baseline replay (%s in both%s)", Units.count(w.jobs(), "job"),
                w.onlyBaseline() + w.onlyWhatIf() == 0 ? ""
                        : "; " + w.onlyBaseline() + " started only in the baseline, " + w.onlyWhatIf() + " only in the what-if");
    }

    private static ProgressListener listener(Progress p, String name) {
        return (done, total) -> p.progress(name, done, total);
    }

    private static HistoryReplay.Result replay(SlurmSite site, SacctHistory history, Options o, ProgressListener progress,
            ReplayReasons[] reasons) {
        if (reasons == null) {
            return SiteReplay.replay(site, history, o.phaseSeconds(), o.toleranceSeconds(), o.priority(), progress, null, o.log(), o.plans(), false,
                    o.sameSecond());
        }
        org.preemptlab.sim.SimulationResult[] sim = new org.preemptlab.sim.SimulationResult[1];
        HistoryReplay.Result r = SiteReplay.replay(site, history, o.phaseSeconds(), o.toleranceSeconds(), o.priority(), progress, sim, o.log(), o.plans(),
                false, o.sameSecond());
        reasons[0] = ReplayReasons.of(sim[0]);
        return r;
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
