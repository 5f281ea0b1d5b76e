package org.preemptlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.preemptlab.io.files.AtomicFiles;

/** Writes a value as indented JSON, atomically. */
final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {}

    static void write(Path out, Object value) throws IOException {
        AtomicFiles.write(out, w -> MAPPER.writeValue(w, value));
    }

    /**
     * The metrics JSON of a command: the metrics, the simulation's and the whole command's wall time,
     * and a few facts about the run (policy, scenario or machine size), in the order of their names so that
     * the same run writes the same bytes whatever map the caller built.
     */
    static void writeMetrics(Path out, org.preemptlab.metrics.Metrics m, double commandWallSeconds,
            java.util.Map<String, Object> facts) throws IOException {
        java.util.Map<String, Object> map = org.preemptlab.io.report.MetricsJsonWriter.toMap(m);
        map.put("simulationWallSeconds", m.wallSeconds());
        map.put("wallSeconds", commandWallSeconds);
        map.putAll(new java.util.TreeMap<>(facts)); // by name: Map.of's order changes from one JVM to the next
        write(out, map);
    }
}
