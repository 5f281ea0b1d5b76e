package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sched.Reason;
import org.preemptlab.time.SimTime;
import org.preemptlab.units.Units;

/** A job's whole story, from the event log, and its facts in words (tooltip, job panel). */
public final class JobHistory {

    private JobHistory() {}

    public static List<HistoryLine> of(GanttIndex index, int job) {
        List<HistoryLine> lines = new ArrayList<>();
        RunRecord run = index.run();
        for (int i : index.logOfJob(job)) {
            LogEntry e = run.log().get(i);
            lines.add(new HistoryLine(e.time(), e.kind().label(), NodeNames.format(e.nodes(), run.cluster()),
                    e.reason() == null ? "" : e.reason().text()));
        }
        return lines;
    }

    /** Several lines of facts: request, outcome, waits and losses. */
    public static String summary(JobFacts j) {
        StringBuilder sb = new StringBuilder();
        String named = Reason.job(j.name());
        sb.append(named.startsWith("job ") ? "Job " + j.name() : named).append("  (QOS ").append(j.qos());
        if (!j.group().isEmpty()) sb.append(", group ").append(j.group());
        sb.append(")\n");
        sb.append(Units.count(j.nodes(), "node")).append(" × ").append(Units.count(j.coresPerNode(), "core"));
        if (j.memoryPerNodeMb() > 0) sb.append(" × ").append(Units.size(j.memoryPerNodeMb()));
        sb.append("\nsubmit ").append(SimTime.format(j.submit()))
                .append(", estimate ").append(Units.duration(j.estimate()))
                .append(", run time ").append(Units.duration(j.runtime())).append('\n');
        if (j.firstStart() >= 0) sb.append("first start ").append(SimTime.format(j.firstStart())).append(", ");
        sb.append("waited ").append(Units.duration(j.totalWait()));
        if (j.end() >= 0) sb.append(", ended ").append(SimTime.format(j.end()));
        sb.append(" (").append(j.finalState().name().toLowerCase(java.util.Locale.ROOT)).append(')');
        if (j.timesPreempted() > 0 || j.lostWork() > 0 || j.timesCheckpointed() > 0) {
            sb.append("\npreempted ").append(j.timesPreempted()).append("×, checkpoints ").append(j.timesCheckpointed())
                    .append(" (").append(Units.duration(j.checkpointSeconds())).append(" writing, ")
                    .append(Units.duration(j.restartSeconds())).append(" restarting), lost work ")
                    .append(Units.duration(j.lostWork()));
        }
        sb.append("\n").append(j.rerunnable() ? "rerunnable" : "not rerunnable").append(", ")
                .append(j.checkpointable() ? "checkpointable" : "not checkpointable");
        return sb.toString();
    }

    /** The tooltip for a bar: the bar's own stretch, then the job's facts. */
    public static String tooltip(GanttIndex index, GanttHit hit) {
        JobFacts j = index.run().job(hit.job());
        return hit.kind().label() + " on " + index.unitsText(hit.unitLo(), hit.unitHi()) + ": "
                + SimTime.format(hit.start()) + " – " + SimTime.format(hit.end()) + " ("
                + Units.duration(hit.end() - hit.start()) + ")\n" + summary(j)
                + slurmLines(index, hit);
    }

    /** On a Slurm run: the job's request, and the reason it waited for just before this bar began. */
    private static String slurmLines(GanttIndex index, GanttHit hit) {
        String s = SlurmFacts.panelText(index, hit.job(), hit.start() - 1);
        return s.isEmpty() ? "" : "\n" + s;
    }
}
