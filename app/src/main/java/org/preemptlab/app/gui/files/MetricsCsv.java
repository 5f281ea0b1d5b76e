package org.preemptlab.app.gui.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.report.MetricsJsonWriter;
import org.preemptlab.metrics.Metrics;

/** Metrics as CSV: one run ({@code metric,value}) or a comparison ({@code metric,<variant>…}). */
public final class MetricsCsv {

    private MetricsCsv() {}

    public static void write(Path out, Metrics metrics) throws IOException {
        AtomicFiles.write(out, w -> write(w, metrics));
    }

    static void write(Writer w, Metrics metrics) throws IOException {
        w.write("metric,value\n");
        for (Map.Entry<String, Object> e : MetricsJsonWriter.toMap(metrics).entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List) continue;
            w.write(csv(e.getKey()) + "," + csv(String.valueOf(e.getValue())) + "\n");
        }
    }

    /** One metric of a comparison: its name and one value per compared variant. */
    public record Row(String name, double[] values) {}

    public static void write(Path out, List<String> variants, List<Row> rows) throws IOException {
        AtomicFiles.write(out, w -> write(w, variants, rows));
    }

    static void write(Writer w, List<String> variants, List<Row> rows) throws IOException {
        StringBuilder head = new StringBuilder("metric");
        for (String v : variants) head.append(',').append(csv(v));
        w.write(head + "\n");
        for (Row r : rows) {
            StringBuilder line = new StringBuilder(csv(r.name()));
            for (double v : r.values()) line.append(',').append(String.format(Locale.ROOT, "%.6g", v));
            w.write(line + "\n");
        }
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
