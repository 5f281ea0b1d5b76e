package org.preemptlab.io.report;

import org.preemptlab.io.files.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.preemptlab.metrics.Metrics;

/** Metrics as a flat JSON object (plus per-class and per-mechanism objects). */
public final class MetricsJsonWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJsonWriter() {}

    public static Map<String, Object> toMap(Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobs", m.jobs());
        out.put("completedJobs", m.completedJobs());
        out.put("meanWaitSeconds", m.meanWaitSeconds());
        out.put("medianWaitSeconds", m.medianWaitSeconds());
        out.put("p95WaitSeconds", m.p95WaitSeconds());
        out.put("meanResponseSeconds", m.meanResponseSeconds());
        out.put("meanBoundedSlowdown", m.meanBoundedSlowdown());
        out.put("utilization", m.utilization());
        out.put("meanQueueLength", m.meanQueueLength());
        out.put("makespanSeconds", m.makespanSeconds());
        out.put("preemptedJobShare", m.preemptedJobShare());
        out.put("preemptionsByMechanism", m.preemptionsByMechanism());
        out.put("jobsPreemptedByMechanism", m.jobsPreemptedByMechanism());
        out.put("lostWorkProcSeconds", m.lostWorkProcSeconds());
        out.put("checkpointOverheadProcSeconds", m.checkpointOverheadProcSeconds());
        out.put("checkpoints", m.checkpoints());
        out.put("checkpointsPerNodeDay", m.checkpointsPerNodeDay());
        out.put("wastedShare", m.wastedShare());
        out.put("killedJobs", m.killedJobs());
        out.put("byClass", m.byClass());
        out.put("wallSeconds", m.wallSeconds());
        return out;
    }

    public static void write(Path out, Metrics m) throws IOException {
        AtomicFiles.write(out, w -> MAPPER.writeValue(w, toMap(m)));
    }

    public static String toJson(Metrics m) throws IOException {
        return MAPPER.writeValueAsString(toMap(m));
    }
}
