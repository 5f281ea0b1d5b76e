package org.preemptlab.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.preemptlab.fidelity.JobTimes;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctJob;

/** The start times of a history's replayed jobs, on its own clock (seconds since its earliest Submit). */
public final class HistoryTimes {

    /** How jobs of two tables are matched. */
    public enum Key {
        /** sacct's JobID (same cluster, same run). */
        JOBID,
        /** JobName plus the array task or het suffix: two runs of one workload whose job numbers may differ. */
        NAME
    }

    private HistoryTimes() {}

    public static String key(SacctJob j, Key key) {
        return key == Key.JOBID ? j.id().text() : j.name() + j.id().suffix();
    }

    /** @throws IllegalArgumentException naming the first key two jobs share */
    public static Map<String, JobTimes> of(SacctHistory h, Key key) {
        long origin = h.origin();
        Map<String, JobTimes> out = new LinkedHashMap<>();
        for (SacctJob j : h.replayed()) {
            String k = key(j, key);
            JobTimes t = new JobTimes(j.submit() - origin, j.start() - origin, j.partition(), j.account());
            if (out.put(k, t) != null) {
                throw new IllegalArgumentException(h.source() + ":" + j.line() + ": job key \"" + k + "\" appears twice"
                        + (key == Key.NAME ? "; match by JobID instead" : ""));
            }
        }
        return out;
    }
}
