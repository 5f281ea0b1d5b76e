package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.SlurmRunRecord;
import org.preemptlab.time.SimTime;
import org.preemptlab.units.Units;

/**
 * What a run on a Slurm (version-2) cluster tells about one job, in words: its request as
 * {@code sbatch} options, its pending reason at the cursor and its priority. Empty text for other runs.
 *
 * <p>The engine records a job's reason only at its starts (the reason after the last pass before,
 * so a job held by a limit until that pass shows {@code Priority} or {@code Resources}, not the
 * limit) and its last reason, not every change: a job pending at the cursor shows the reason
 * recorded at its next start (or its last one if it never started), and the panel says so. The
 * per-reason counts over time ({@code PendingSeries}) are exact.
 */
public final class SlurmFacts {

    private SlurmFacts() {}

    /** The run's Slurm record, or null (not a version-2 run, or a synthetic timeline). */
    public static SlurmRunRecord record(RunRecord run) {
        return run.source() == null ? null : run.source().slurm();
    }

    /** The job's Slurm request, or null. */
    public static SlurmRequest request(RunRecord run, int job) {
        if (run.source() == null || job < 0 || job >= run.source().jobs().size()) return null;
        return run.source().jobs().get(job).spec().slurm();
    }

    /** The Slurm pending reason of each log entry ("" when the run recorded none for it). */
    public static String logReason(RunRecord run, int logIndex) {
        SlurmRunRecord s = record(run);
        if (s == null || logIndex < 0 || logIndex >= s.logReasons().size()) return "";
        String r = s.logReasons().get(logIndex);
        return r == null || r.equals(PendingReason.NONE.label()) ? "" : r;
    }

    /** Whether the job waits in the queue at {@code t} (submitted, not started or requeued since). */
    public static boolean pendingAt(GanttIndex index, int job, long t) {
        List<LogEntry> log = index.run().log();
        boolean pending = false;
        for (int i : index.logOfJob(job)) {
            LogEntry e = log.get(i);
            if (e.time() > t) break;
            LogKind k = e.kind();
            if (k == LogKind.SUBMIT || k == LogKind.REQUEUE) pending = true;
            else if (k == LogKind.START || k == LogKind.RESTART || k == LogKind.END || k == LogKind.KILL || k == LogKind.FAIL) pending = false;
        }
        return pending;
    }

    /**
     * The Slurm pending reason of a job waiting at {@code t}: the reason recorded when it next
     * started, else its last reason; "" when it is not pending then or the run is not a Slurm run.
     */
    public static String reasonAt(GanttIndex index, int job, long t) {
        RunRecord run = index.run();
        SlurmRunRecord s = record(run);
        if (s == null || !pendingAt(index, job, t)) return "";
        List<LogEntry> log = run.log();
        for (int i : index.logOfJob(job)) {
            LogEntry e = log.get(i);
            if (e.time() <= t) continue;
            if (e.kind() == LogKind.START || e.kind() == LogKind.RESTART) return logReason(run, i);
        }
        PendingReason last = s.reason(job);
        return last == PendingReason.NONE ? "" : last.label();
    }

    /** The job panel's Slurm lines at the cursor, or "" for other runs. */
    public static String panelText(GanttIndex index, int job, long t) {
        RunRecord run = index.run();
        SlurmRunRecord s = record(run);
        SlurmRequest r = request(run, job);
        if (s == null || r == null) return "";
        JobSpec spec = run.source().jobs().get(job).spec();
        StringBuilder sb = new StringBuilder();
        sb.append("Slurm: user ").append(r.user()).append(", account ").append(r.account()).append(", partition ")
                .append(r.partitions().isEmpty() ? s.site().defaultPartition().name() + " (default)" : String.join(",", r.partitions()))
                .append(", QOS ").append(spec.qos());
        String gres = gresText(r, spec.nodes());
        if (!gres.isEmpty()) sb.append("\nGRES per node: ").append(gres);
        if (r.exclusive()) sb.append(", exclusive");
        String why = reasonAt(index, job, t);
        if (!why.isEmpty()) sb.append("\npending at ").append(SimTime.format(t)).append("; Slurm reason recorded at its next start: ").append(why);
        long p = s.priority(job);
        if (p > 0) sb.append("\npriority ").append(Units.group(p)).append(" (multifactor, at the run's last calc tick)");
        if (r.nice() != 0) sb.append(", nice ").append(r.nice());
        return sb.toString();
    }

    /** {@code gpu:a100:2, …} per node, or "". */
    public static String gresText(SlurmRequest r, int nodes) {
        List<String> parts = new ArrayList<>();
        for (Gres g : r.gresOnEachNode(Math.max(1, nodes))) parts.add(g.name() + (g.typed() ? ":" + g.type() : "") + ":" + g.count());
        return String.join(", ", parts);
    }

    /** GPUs per node the job asks for (any type), 0 for none or a job without a Slurm request. */
    public static long gpusPerNode(SlurmRequest r, int nodes) {
        if (r == null) return 0;
        long n = 0;
        for (Gres g : r.gresOnEachNode(Math.max(1, nodes))) if (g.name().equals("gpu")) n += g.count();
        return n;
    }
}
