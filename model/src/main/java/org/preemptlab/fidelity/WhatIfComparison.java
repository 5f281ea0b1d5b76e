package org.preemptlab.fidelity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A what-if on history: the predicted schedule of a changed site against the baseline replay of the
 * same history (same jobs, same rules), job by job (matched by key), overall, per partition and per
 * account. Both replays come from {@link StartComparison}s against the same real history; their
 * predicted starts and waits are compared here, the real ones are not used.
 *
 * @param jobs         jobs predicted in both replays (the ones compared)
 * @param onlyBaseline jobs the baseline started but the what-if did not (left out, or never started)
 * @param onlyWhatIf   jobs the what-if started but the baseline did not
 * @param all          every compared job
 * @param byPartition  per partition (the history's partition of the job)
 * @param byAccount    per account
 * @param changes      per job, in key order
 */
public record WhatIfComparison(int jobs, int onlyBaseline, int onlyWhatIf, Group all, Map<String, Group> byPartition,
        Map<String, Group> byAccount, List<Change> changes) {

    /** One job in both replays: its predicted start and wait in each (seconds), where it ran. */
    public record Change(String key, long baselineStart, long whatIfStart, long baselineWait, long whatIfWait, String partition,
            String account) {

        /** What-if start − baseline start (negative: the job starts earlier in the what-if). */
        public long changeSeconds() {
            return whatIfStart - baselineStart;
        }
    }

    /**
     * A group of jobs: mean and median predicted wait in each replay (seconds), their change in %
     * (NaN when the baseline's value is 0 and the what-if's is not; 0 when both are 0), and how many
     * jobs start earlier, later or at the same second in the what-if.
     */
    public record Group(int jobs, double meanWaitBaselineSeconds, double meanWaitWhatIfSeconds, double medianWaitBaselineSeconds,
            double medianWaitWhatIfSeconds, int startedEarlier, int startedLater, int startedSame) {

        public double meanWaitChangePercent() {
            return percent(meanWaitBaselineSeconds, meanWaitWhatIfSeconds);
        }

        public double medianWaitChangePercent() {
            return percent(medianWaitBaselineSeconds, medianWaitWhatIfSeconds);
        }

        static double percent(double base, double whatIf) {
            if (Double.isNaN(base) || Double.isNaN(whatIf)) return Double.NaN;
            if (base == 0) return whatIf == 0 ? 0 : Double.NaN;
            return 100 * (whatIf - base) / base;
        }
    }

    public WhatIfComparison {
        byPartition = Collections.unmodifiableMap(new TreeMap<>(byPartition));
        byAccount = Collections.unmodifiableMap(new TreeMap<>(byAccount));
        changes = List.copyOf(changes);
    }

    /** The what-if's predicted schedule against the baseline's (the {@code predicted*} columns of both). */
    public static WhatIfComparison of(StartComparison baseline, StartComparison whatIf) {
        Map<String, StartComparison.Row> base = new HashMap<>();
        for (StartComparison.Row r : baseline.rows()) base.put(r.key(), r);
        List<Change> changes = new ArrayList<>();
        for (StartComparison.Row w : whatIf.rows()) {
            StartComparison.Row b = base.get(w.key());
            if (b == null) continue;
            changes.add(new Change(w.key(), b.predictedStart(), w.predictedStart(), b.predictedWait(), w.predictedWait(), b.partition(),
                    b.account()));
        }
        changes.sort(java.util.Comparator.comparing(Change::key));
        TreeMap<String, List<Change>> parts = new TreeMap<>();
        TreeMap<String, List<Change>> accounts = new TreeMap<>();
        for (Change c : changes) {
            parts.computeIfAbsent(c.partition(), k -> new ArrayList<>()).add(c);
            accounts.computeIfAbsent(c.account(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Group> byPart = new TreeMap<>();
        parts.forEach((k, v) -> byPart.put(k, group(v)));
        Map<String, Group> byAcc = new TreeMap<>();
        accounts.forEach((k, v) -> byAcc.put(k, group(v)));
        int n = changes.size();
        return new WhatIfComparison(n, baseline.rows().size() - n, whatIf.rows().size() - n, group(changes), byPart, byAcc, changes);
    }

    static Group group(List<Change> cs) {
        int n = cs.size();
        long[] b = new long[n];
        long[] w = new long[n];
        double sb = 0, sw = 0;
        int earlier = 0, later = 0, same = 0;
        for (int i = 0; i < n; i++) {
            Change c = cs.get(i);
            b[i] = c.baselineWait();
            w[i] = c.whatIfWait();
            sb += b[i];
            sw += w[i];
            if (c.changeSeconds() < 0) earlier++;
            else if (c.changeSeconds() > 0) later++;
            else same++;
        }
        return new Group(n, n == 0 ? Double.NaN : sb / n, n == 0 ? Double.NaN : sw / n, median(b), median(w), earlier, later, same);
    }

    private static double median(long[] v) {
        int n = v.length;
        if (n == 0) return Double.NaN;
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    /** The {@code whatIf} member of the report: a JSON object (seconds, percentages; NaN as null), indented for a top-level member. */
    public String toJson(Map<String, String> extraRawMembers) {
        StringBuilder b = new StringBuilder("{\n");
        extraRawMembers.forEach((k, v) -> b.append("    ").append(StartComparison.quote(k)).append(": ").append(v).append(",\n"));
        b.append("    \"jobs\": ").append(jobs).append(",\n");
        b.append("    \"onlyBaseline\": ").append(onlyBaseline).append(",\n");
        b.append("    \"onlyWhatIf\": ").append(onlyWhatIf).append(",\n");
        b.append("    \"all\": ").append(json(all)).append(",\n");
        b.append("    \"byPartition\": ").append(groups(byPartition)).append(",\n");
        b.append("    \"byAccount\": ").append(groups(byAccount)).append("\n  }");
        return b.toString();
    }

    private static String groups(Map<String, Group> m) {
        if (m.isEmpty()) return "{}";
        StringBuilder b = new StringBuilder("{");
        String sep = "";
        for (var e : m.entrySet()) {
            b.append(sep).append("\n      ").append(StartComparison.quote(e.getKey())).append(": ").append(json(e.getValue()));
            sep = ",";
        }
        return b.append("\n    }").toString();
    }

    static String json(Group g) {
        return "{\"jobs\": " + g.jobs() + ", \"meanWaitBaselineSeconds\": " + StartComparison.num(g.meanWaitBaselineSeconds())
                + ", \"meanWaitWhatIfSeconds\": " + StartComparison.num(g.meanWaitWhatIfSeconds())
                + ", \"meanWaitChangePercent\": " + StartComparison.num(g.meanWaitChangePercent())
                + ", \"medianWaitBaselineSeconds\": " + StartComparison.num(g.medianWaitBaselineSeconds())
                + ", \"medianWaitWhatIfSeconds\": " + StartComparison.num(g.medianWaitWhatIfSeconds())
                + ", \"medianWaitChangePercent\": " + StartComparison.num(g.medianWaitChangePercent())
                + ", \"startedEarlier\": " + g.startedEarlier() + ", \"startedLater\": " + g.startedLater()
                + ", \"startedSame\": " + g.startedSame() + "}";
    }

    /**
     * The per-job table of a what-if: the what-if replay against the real history ({@code whatIf}'s
     * columns, as without a baseline) and three more: {@code baselineStart,baselineWait,whatIfChangeSeconds}
     * (seconds; empty for a job the baseline did not start).
     */
    public String toCsv(StartComparison whatIf) {
        Map<String, Change> byKey = new HashMap<>();
        for (Change c : changes) byKey.put(c.key(), c);
        StringBuilder b = new StringBuilder(StartComparison.CSV_HEADER).append(",baselineStart,baselineWait,whatIfChangeSeconds\n");
        for (StartComparison.Row r : whatIf.rows()) {
            Change c = byKey.get(r.key());
            StartComparison.csvLine(b, r).append(',');
            if (c != null) b.append(c.baselineStart()).append(',').append(c.baselineWait()).append(',').append(c.changeSeconds());
            else b.append(",,");
            b.append('\n');
        }
        return b.toString();
    }
}
