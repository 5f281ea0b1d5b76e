package org.preemptlab.fidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One schedule ("actual") against another ("predicted") of the same jobs, matched by key. Both
 * must be on one clock (e.g. seconds since each schedule's earliest submit). Jobs in only one of
 * them are counted, not compared.
 *
 * @param rows                  per job, in key order
 * @param unmatchedActual       jobs only in the actual schedule
 * @param unmatchedPredicted    jobs only in the predicted schedule
 * @param toleranceSeconds      |predicted − actual start| ≤ this counts as within tolerance
 * @param withinToleranceShare  share of jobs within tolerance (NaN without jobs)
 * @param startOrderKendallTau  τ-b of the two start orders (NaN with fewer than 2 jobs)
 * @param byPartition           mean waits per partition (actual's partition)
 * @param byAccount             mean waits per account (actual's account)
 */
public record StartComparison(List<Row> rows, int unmatchedActual, int unmatchedPredicted, long toleranceSeconds,
        double withinToleranceShare, double meanAbsStartErrorSeconds, double medianAbsStartErrorSeconds,
        double p90AbsStartErrorSeconds, double startOrderKendallTau, double meanWaitActualSeconds,
        double meanWaitPredictedSeconds, Map<String, Waits> byPartition, Map<String, Waits> byAccount) {

    /** One job: its key, both starts and waits, the difference (predicted − actual), where it ran. */
    public record Row(String key, long actualStart, long predictedStart, long deltaSeconds, long actualWait,
            long predictedWait, String partition, String account) {}

    /** Mean waits of a group of jobs in both schedules. */
    public record Waits(int jobs, double meanWaitActualSeconds, double meanWaitPredictedSeconds) {}

    /** The tolerance the issue asks for by default: max(2 × bf_interval, 60 s). */
    public static long defaultTolerance(long bfIntervalSeconds) {
        return Math.max(2 * bfIntervalSeconds, 60);
    }

    public static StartComparison compare(Map<String, JobTimes> actual, Map<String, JobTimes> predicted, long toleranceSeconds) {
        if (toleranceSeconds < 0) throw new IllegalArgumentException("toleranceSeconds: " + toleranceSeconds + "; must be ≥ 0");
        TreeMap<String, JobTimes> sorted = new TreeMap<>(actual);
        List<Row> rows = new ArrayList<>(sorted.size());
        for (var e : sorted.entrySet()) {
            JobTimes p = predicted.get(e.getKey());
            if (p == null) continue;
            JobTimes a = e.getValue();
            rows.add(new Row(e.getKey(), a.start(), p.start(), p.start() - a.start(), a.waitSeconds(), p.waitSeconds(),
                    a.partition(), a.account()));
        }
        int n = rows.size();
        long[] abs = new long[n];
        long[] xa = new long[n];
        long[] xp = new long[n];
        long within = 0;
        double sumAbs = 0, sumWa = 0, sumWp = 0;
        TreeMap<String, double[]> parts = new TreeMap<>();
        TreeMap<String, double[]> accounts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            abs[i] = Math.abs(r.deltaSeconds());
            xa[i] = r.actualStart();
            xp[i] = r.predictedStart();
            if (abs[i] <= toleranceSeconds) within++;
            sumAbs += abs[i];
            sumWa += r.actualWait();
            sumWp += r.predictedWait();
            add(parts, r.partition(), r);
            add(accounts, r.account(), r);
        }
        Arrays.sort(abs);
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? abs[n / 2] : (abs[n / 2 - 1] + abs[n / 2]) / 2.0;
        double p90 = n == 0 ? Double.NaN : abs[(int) Math.min(n - 1, Math.ceil(0.9 * n) - 1)];
        return new StartComparison(List.copyOf(rows), actual.size() - n, predicted.size() - n, toleranceSeconds,
                n == 0 ? Double.NaN : (double) within / n, n == 0 ? Double.NaN : sumAbs / n, median, p90,
                KendallTau.tauB(xa, xp), n == 0 ? Double.NaN : sumWa / n, n == 0 ? Double.NaN : sumWp / n,
                waits(parts), waits(accounts));
    }

    private static void add(TreeMap<String, double[]> groups, String key, Row r) {
        double[] g = groups.computeIfAbsent(key, k -> new double[3]);
        g[0]++;
        g[1] += r.actualWait();
        g[2] += r.predictedWait();
    }

    private static Map<String, Waits> waits(TreeMap<String, double[]> groups) {
        TreeMap<String, Waits> out = new TreeMap<>();
        groups.forEach((k, g) -> out.put(k, new Waits((int) g[0], g[1] / g[0], g[2] / g[0])));
        return java.util.Collections.unmodifiableMap(out);
    }

    public int jobs() {
        return rows.size();
    }

    /** The report values as JSON (keys in a fixed order; NaN written as null); {@code extra} members go first. */
    public String toJson(Map<String, String> extraRawMembers) {
        return toJson(extraRawMembers, Map.of());
    }

    /** As {@link #toJson(Map)}, with {@code trailingRawMembers} after {@code byAccount} (e.g. the what-if section). */
    public String toJson(Map<String, String> extraRawMembers, Map<String, String> trailingRawMembers) {
        StringBuilder b = new StringBuilder("{\n");
        extraRawMembers.forEach((k, v) -> b.append("  ").append(quote(k)).append(": ").append(v).append(",\n"));
        b.append("  \"jobs\": ").append(jobs()).append(",\n");
        b.append("  \"unmatchedActual\": ").append(unmatchedActual).append(",\n");
        b.append("  \"unmatchedPredicted\": ").append(unmatchedPredicted).append(",\n");
        b.append("  \"toleranceSeconds\": ").append(toleranceSeconds).append(",\n");
        b.append("  \"withinToleranceShare\": ").append(num(withinToleranceShare)).append(",\n");
        b.append("  \"meanAbsStartErrorSeconds\": ").append(num(meanAbsStartErrorSeconds)).append(",\n");
        b.append("  \"medianAbsStartErrorSeconds\": ").append(num(medianAbsStartErrorSeconds)).append(",\n");
        b.append("  \"p90AbsStartErrorSeconds\": ").append(num(p90AbsStartErrorSeconds)).append(",\n");
        b.append("  \"startOrderKendallTau\": ").append(num(startOrderKendallTau)).append(",\n");
        b.append("  \"meanWaitActualSeconds\": ").append(num(meanWaitActualSeconds)).append(",\n");
        b.append("  \"meanWaitPredictedSeconds\": ").append(num(meanWaitPredictedSeconds)).append(",\n");
        b.append("  \"byPartition\": ").append(groups(byPartition)).append(",\n");
        b.append("  \"byAccount\": ").append(groups(byAccount));
        trailingRawMembers.forEach((k, v) -> b.append(",\n  ").append(quote(k)).append(": ").append(v));
        b.append("\n}\n");
        return b.toString();
    }

    private static String groups(Map<String, Waits> m) {
        StringBuilder b = new StringBuilder("{");
        String sep = "";
        for (var e : m.entrySet()) {
            Waits w = e.getValue();
            b.append(sep).append("\n    ").append(quote(e.getKey())).append(": {\"jobs\": ").append(w.jobs())
                    .append(", \"meanWaitActualSeconds\": ").append(num(w.meanWaitActualSeconds()))
                    .append(", \"meanWaitPredictedSeconds\": ").append(num(w.meanWaitPredictedSeconds())).append('}');
            sep = ",";
        }
        return b.append(m.isEmpty() ? "}" : "\n  }").toString();
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "null";
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /** The per-job table: {@code jobId,actualStart,predictedStart,deltaSeconds,actualWait,predictedWait,partition,account}. */
    public String toCsv() {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (Row r : rows) csvLine(b, r).append('\n');
        return b.toString();
    }

    static final String CSV_HEADER = "jobId,actualStart,predictedStart,deltaSeconds,actualWait,predictedWait,partition,account";

    static StringBuilder csvLine(StringBuilder b, Row r) {
        return b.append(csv(r.key())).append(',').append(r.actualStart()).append(',').append(r.predictedStart()).append(',')
                .append(r.deltaSeconds()).append(',').append(r.actualWait()).append(',').append(r.predictedWait()).append(',')
                .append(csv(r.partition())).append(',').append(csv(r.account()));
    }

    static String csv(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
