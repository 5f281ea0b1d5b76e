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
 */
public final class EventsCsvWriter {

    public static final String HEADER = "time,event,job,nodes,reason";

    private EventsCsvWriter() {}

    public static void write(Path out, SimulationResult result) throws IOException {
        AtomicFiles.write(out, w -> write(w, result));
    }

    public static void write(Writer w, SimulationResult result) throws IOException {
        w.write(HEADER);
        w.write('\n');
        Cluster cluster = result.cluster();
        StringBuilder line = new StringBuilder(128);
        for (LogEntry e : result.timeline().log()) {
            line.setLength(0);
            line.append(e.time()).append(',').append(e.kind().label()).append(',');
            if (e.job() >= 0) line.append(quote(result.job(e.job()).name()));
            line.append(',');
            for (int i = 0; i < e.nodes().length; i++) {
                if (i > 0) line.append(' ');
                line.append(cluster.nodeName(e.nodes()[i]));
            }
            line.append(',').append(quote(e.reason() == null ? "" : e.reason().text())).append('\n');
            w.write(line.toString());
        }
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
