package org.preemptlab.io.report;

import org.preemptlab.io.files.AtomicFiles;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.SimulationResult;

/**
 * The event log as CSV: {@code time,event,job,nodes,reason}, one row per engine event; {@code job}
 * is the job's name, {@code nodes} the node names separated by spaces, {@code reason} in plain words.
 * A run on a Slurm (version-2) cluster appends {@code account,partition,qos,reason}: the job's
 * account and QOS, the partition of the placement (start, restart and every event with nodes of
 * the job), and the job's Slurm pending reason before the event ({@code Priority}, {@code Resources},
 * {@code Dependency}, {@code QOSMaxJobsPerUserLimit}, …; on submit, start, restart and requeue rows).
 */
public final class EventsCsvWriter {

    public static final String HEADER = "time,event,job,nodes,reason";

    /**
     * The largest processor machine the commands write an events CSV for: a row lists every processor of its
     * event, and the run records each as a number (a job on 10^8 processors: about a gigabyte per row, a run that did
     * not end in minutes; on 2,147,483,647 an OutOfMemoryError). As many as failures are drawn for.
     */
    public static final int MAX_PROCESSORS = 1_000_000;

    /** The columns a Slurm run appends. */
    public static final String SLURM_COLUMNS = "account,partition,qos,reason";

    private EventsCsvWriter() {}

    public static void write(Path out, SimulationResult result) throws IOException {
        AtomicFiles.write(out, w -> write(w, result));
    }

    public static void write(Writer w, SimulationResult result) throws IOException {
        org.preemptlab.sim.SlurmRunRecord slurm = result.slurm();
        w.write(slurm == null ? HEADER : HEADER + "," + SLURM_COLUMNS);
        w.write('\n');
        Cluster cluster = result.cluster();
        StringBuilder line = new StringBuilder(128);
        int index = -1;
        for (LogEntry e : result.timeline().log()) {
            index++;
            line.setLength(0);
            line.append(e.time()).append(',').append(e.kind().label()).append(',');
            if (e.job() >= 0) line.append(quote(result.job(e.job()).name()));
            line.append(',');
            for (int i = 0; i < e.nodes().length; i++) {
                if (i > 0) line.append(' ');
                line.append(cluster.nodeName(e.nodes()[i]));
            }
            line.append(',').append(quote(e.reason() == null ? "" : e.reason().text()));
            if (slurm != null) {
                org.preemptlab.job.JobSpec spec = e.job() >= 0 ? result.job(e.job()).spec() : null;
                org.preemptlab.job.SlurmRequest r = spec == null ? null : spec.slurm();
                line.append(',').append(r == null ? "" : quote(r.account()));
                line.append(',').append(index < slurm.logPartitions().size() ? quote(slurm.logPartitions().get(index)) : "");
                line.append(',').append(spec == null ? "" : quote(spec.qos()));
                line.append(',').append(index < slurm.logReasons().size() ? slurm.logReasons().get(index) : "");
            }
            line.append('\n');
            w.write(line.toString());
        }
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
