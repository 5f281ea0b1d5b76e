package org.preemptlab.io.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.preemptlab.io.swf.SwfHeader;
import org.preemptlab.io.swf.SwfScheduleRow;
import org.preemptlab.io.swf.SwfWriter;
import org.preemptlab.job.JobState;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.SimulationResult;

/** The simulated schedule as SWF: field 3 = simulated wait (first start − submit). */
public final class ScheduleExport {

    private ScheduleExport() {}

    public static List<SwfScheduleRow> rows(SimulationResult result) {
        List<SwfScheduleRow> rows = new ArrayList<>(result.jobs().size());
        for (JobRun r : result.jobs()) {
            long start = r.firstStart() >= 0 ? r.firstStart() : (r.end() >= 0 ? r.end() : result.endTime());
            long end = r.end() >= 0 ? r.end() : result.endTime();
            int status = r.state() == JobState.COMPLETED ? SwfScheduleRow.STATUS_COMPLETED : SwfScheduleRow.STATUS_FAILED;
            rows.add(new SwfScheduleRow(r.spec(), start, Math.max(start, end), status));
        }
        return rows;
    }

    public static void write(Path out, SwfHeader header, SimulationResult result) throws IOException {
        new SwfWriter().withPolicy(result.policy()).write(out, header, rows(result));
    }
}
