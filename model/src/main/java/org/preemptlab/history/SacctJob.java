package org.preemptlab.history;

import java.util.Map;

/**
 * One row of {@code sacct -P -X}. Times are epoch seconds read as UTC (sacct prints local time
 * without a zone; only differences matter), −1 where sacct says Unknown or None. Fields absent
 * from the table are empty, −1 or empty maps.
 *
 * @param line         the row's line number in its file
 * @param id           JobID
 * @param timelimit    seconds; {@link #UNLIMITED}, {@link #PARTITION_LIMIT}, or −1 if empty
 * @param reqMemMb     ReqMem in MB (22.05 prints a multi-node job's total), −1 if empty
 * @param reqMemPerCpu ReqMem ended in {@code c} (older Slurm: per CPU)
 * @param state        the state's first word ({@code CANCELLED by 1001} → {@code CANCELLED})
 * @param priority     Priority (at submission; −1 if empty)
 * @param rule         what a replay does with the row
 */
public record SacctJob(int line, SacctJobId id, String name, String user, String account, String partition, String qos,
        long submit, long eligible, long start, long end, long elapsed, long timelimit, int nodes, int cpus,
        long reqMemMb, boolean reqMemPerCpu, Map<String, Long> reqTres, Map<String, Long> allocTres, String nodeList,
        String state, long priority, SacctRule rule) {

    public static final long UNLIMITED = Long.MAX_VALUE;
    public static final long PARTITION_LIMIT = -2;

    public SacctJob {
        reqTres = Map.copyOf(reqTres);
        allocTres = Map.copyOf(allocTres);
    }

    /** The time it waited (Start − Submit), or −1 if it never started. */
    public long waitSeconds() {
        return start < 0 || submit < 0 ? -1 : start - submit;
    }
}
