package org.preemptlab.app.gui.editor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.scenario.JobDraft;

/**
 * The job table's Slurm cells of a version-2 draft as a person reads and types them: memory in GiB
 * ({@code 4 GiB}, {@code 2 GiB/CPU} typed, {@code whole node}), GPUs with their type
 * ({@code 2 × a100 /node}, {@code 4 /job}), partition lists. Parsing throws
 * {@link IllegalArgumentException} naming the forms it accepts; the draft then keeps its value.
 */
final class SlurmCells {

    static final String MEMORY_FORMS = "give GiB (\"4\", \"4 GiB\", \"512M\", \"2G/cpu\") or \"whole node\"";
    static final String GPU_FORMS = "give GPUs per node or per job, with an optional type: \"2\", \"a100:2\", \"a100:4/job\", \"0\"";

    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?)?\\s*(/\\s*(cpu|node))?");
    private static final Pattern GPUS = Pattern.compile("(?:([A-Za-z0-9_.-]+)\\s*[:×x*]\\s*)?(\\d+)\\s*(/\\s*(node|job))?");

    /** The shown form {@code 2 × a100}, typed back. */
    private static final Pattern SHOWN_GPUS = Pattern.compile("^(\\d+)\\s*×\\s*([A-Za-z0-9_.-]+)");

    private SlurmCells() {}

    /** Memory per node in GiB ({@code 4 GiB}, {@code 0.5 GiB}), or {@code whole node}. */
    static String memory(JobDraft j) {
        if (j.slurm() != null && j.slurm().wholeNodeMemory()) return "whole node";
        return gib(j.memoryPerNodeMb());
    }

    static String gib(long mb) {
        BigDecimal g = BigDecimal.valueOf(mb).divide(BigDecimal.valueOf(1024), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return g.toPlainString() + " GiB";
    }

    /** The job with the memory typed: per node (GiB by default), per CPU (times its CPUs per node), or the whole node. */
    static JobDraft withMemory(JobDraft j, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        SlurmRequest r = j.slurm();
        if (t.equals("whole node") || t.equals("whole") || t.equals("all")) {
            return j.withMemoryPerNodeMb(0).withSlurm(r.toBuilder().wholeNodeMemory(true).build());
        }
        Matcher m = MEMORY.matcher(t);
        if (!m.matches()) throw new IllegalArgumentException(MEMORY_FORMS);
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "g" : m.group(2).substring(0, 1);
        double mb = switch (unit) {
            case "k" -> value / 1024;
            case "m" -> value;
            case "t" -> value * 1024 * 1024;
            default -> value * 1024;
        };
        if ("cpu".equals(m.group(4))) mb *= Math.max(1, j.coresPerNode());
        if (mb > Long.MAX_VALUE / 4) throw new IllegalArgumentException(MEMORY_FORMS);
        return j.withMemoryPerNodeMb(Math.round(mb)).withSlurm(r.toBuilder().wholeNodeMemory(false).build());
    }

    /** GPUs asked for: {@code 2 × a100 /node}, {@code 4 /job}, {@code —} none. */
    static String gpus(JobDraft j) {
        SlurmRequest r = j.slurm();
        if (r == null) return "";
        List<String> parts = new ArrayList<>();
        for (Gres g : r.gresPerNode()) {
            if (g.name().equals("gpu") && g.count() > 0) parts.add(g.count() + (g.type().isEmpty() ? "" : " × " + g.type()) + " /node");
        }
        if (r.gpusPerJob() > 0) parts.add(r.gpusPerJob() + (r.gpuType().isEmpty() ? "" : " × " + r.gpuType()) + " /job");
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    /** The job with the GPUs typed: per node ({@code --gres=gpu:type:n}, the default) or per job ({@code --gpus}). */
    static JobDraft withGpus(JobDraft j, String text) {
        String t = text.strip();
        SlurmRequest r = j.slurm();
        List<Gres> others = r.gresPerNode().stream().filter(g -> !g.name().equals("gpu")).toList();
        if (t.isEmpty() || t.equals("—") || t.equals("-") || t.equals("0")) {
            return j.withSlurm(r.toBuilder().gresPerNode(others).gpusPerJob(0).gpuType("").build());
        }
        Matcher m = GPUS.matcher(SHOWN_GPUS.matcher(t).replaceFirst("$2:$1")); // as shown: "2 × a100 /node"
        if (!m.matches()) throw new IllegalArgumentException(GPU_FORMS);
        String type = m.group(1) == null ? "" : m.group(1);
        long n = Long.parseLong(m.group(2));
        if ("job".equals(m.group(4))) {
            return j.withSlurm(r.toBuilder().gresPerNode(others).gpusPerJob(n).gpuType(type).build());
        }
        List<Gres> gres = new ArrayList<>(others);
        if (n > 0) gres.add(new Gres("gpu", type, n));
        return j.withSlurm(r.toBuilder().gresPerNode(gres).gpusPerJob(0).gpuType("").build());
    }

    /** The partition list as typed: names separated by commas or spaces; empty: the default partition. */
    static JobDraft withPartitions(JobDraft j, String text) {
        List<String> list = Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("(default)")).distinct().toList();
        return j.withSlurm(j.slurm().toBuilder().partitions(list).build());
    }

    static String partitions(JobDraft j) {
        return j.slurm() == null || j.slurm().partitions().isEmpty() ? "(default)" : String.join(",", j.slurm().partitions());
    }

    /** The account: the request's and the job's group (the engine's fair-share and limits use both). */
    static JobDraft withAccount(JobDraft j, String text) {
        String a = text.strip();
        return j.withGroup(a).withSlurm(j.slurm().toBuilder().account(a).build());
    }

    static JobDraft withUser(JobDraft j, String text) {
        return j.withSlurm(j.slurm().toBuilder().user(text.strip()).build());
    }
}
