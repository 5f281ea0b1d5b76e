package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.priority.PriorityFactors;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.SlurmRunRecord;
import org.preemptlab.time.SimTime;
import org.preemptlab.units.Units;

/**
 * What a run on a Slurm (version-2) cluster tells about one job, in words: its request as
 * {@code sbatch} options, its pending reason at the cursor and its priority. Empty text for other runs.
 *
 * <p>The reason at the cursor is the engine's ({@code ReasonHistory}: set after each pass); the
 * priority factors are those the job had when it last started (or its last priority if it never did).
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

    /** The Slurm pending reason of a job waiting at {@code t} (as after the last pass at or before t), or "". */
    public static String reasonAt(GanttIndex index, int job, long t) {
        SlurmRunRecord s = record(index.run());
        if (s == null || !pendingAt(index, job, t)) return "";
        PendingReason r = s.reasonAt(job, t);
        return r == PendingReason.NONE ? "" : r.label();
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
        if (!why.isEmpty()) sb.append("\npending at ").append(SimTime.format(t)).append(": ").append(why);
        PriorityFactors f = s.factorsAtStart(job);
        if (f != null) {
            PriorityFactors.Factors w = f.weighted();
            sb.append("\npriority ").append(Units.group(f.priority())).append(" when it started (sprio: age ")
                    .append(Math.round(w.age())).append(", fair-share ").append(Math.round(w.fairshare()))
                    .append(", job size ").append(Math.round(w.jobSize())).append(", partition ").append(Math.round(w.partition()))
                    .append(", QOS ").append(Math.round(w.qos())).append(", assoc ").append(Math.round(w.assoc()));
            if (w.tresSum() != 0) sb.append(", TRES ").append(Math.round(w.tresSum()));
            sb.append(", nice ").append(f.nice()).append(')');
        } else if (s.priority(job) > 0) {
            sb.append("\npriority ").append(Units.group(s.priority(job))).append(" (never started; at the last calc tick)");
        }
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
