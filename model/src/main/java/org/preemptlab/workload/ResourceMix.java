package org.preemptlab.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * GPU and memory requests drawn from configurable mixes: each job draws one GPU entry (or none) and
 * one memory entry (or none) independently, with the entries' shares as probabilities; the share
 * left over (1 − Σ shares) asks for no GPU / keeps the job's memory. Seeded: the same mix and seed give
 * the same requests.
 *
 * <p>Text form (command line, scenario generator): GPU entries {@code SHARE:COUNT/node[:TYPE]} (a
 * {@code --gres gpu[:TYPE]:COUNT} per node) or {@code SHARE:COUNT/job[:TYPE]} ({@code --gpus
 * [TYPE:]COUNT} over the whole job), comma-separated, e.g. {@code 0.2:1/node:a100,0.05:4/job};
 * memory entries {@code SHARE:SIZE/cpu} or {@code SHARE:SIZE/node} with SIZE in MB or with a
 * K/M/G/T suffix, e.g. {@code 0.6:2G/cpu,0.3:4G/cpu,0.1:100G/node}.
 *
 * @param gpus   GPU entries; shares sum to at most 1
 * @param memory memory entries; shares sum to at most 1
 */
public record ResourceMix(List<Gpu> gpus, List<Memory> memory) {

    /** No GPUs, memory unchanged. */
    public static final ResourceMix NONE = new ResourceMix(List.of(), List.of());

    /**
     * A share of the jobs asking for GPUs.
     *
     * @param perJob false: {@code count} on each node ({@code --gres}); true: {@code count} over the job ({@code --gpus})
     * @param type   GPU type, or {@code ""} for any
     */
    public record Gpu(double share, long count, boolean perJob, String type) {
        public Gpu {
            type = type == null ? "" : type;
            if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("GPU share " + share + "; must be in (0, 1]");
            if (count < 1) throw new IllegalArgumentException("GPU count " + count + "; must be ≥ 1");
        }

        @Override
        public String toString() {
            return fmt(share) + ":" + count + (perJob ? "/job" : "/node") + (type.isEmpty() ? "" : ":" + type);
        }
    }

    /**
     * A share of the jobs asking for memory.
     *
     * @param mb     MB per CPU ({@code perCpu}, {@code --mem-per-cpu}) or per node ({@code --mem})
     */
    public record Memory(double share, long mb, boolean perCpu) {
        public Memory {
            if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("memory share " + share + "; must be in (0, 1]");
            if (mb < 1) throw new IllegalArgumentException("memory " + mb + " MB; must be ≥ 1");
        }

        /** MB per node for a job using {@code cpusPerNode} CPUs on each node. */
        public long perNodeMb(int cpusPerNode) {
            return perCpu ? mb * cpusPerNode : mb;
        }

        @Override
        public String toString() {
            return fmt(share) + ":" + mb + "M" + (perCpu ? "/cpu" : "/node");
        }
    }

    public ResourceMix {
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
        memory = memory == null ? List.of() : List.copyOf(memory);
        check("GPU", gpus.stream().mapToDouble(Gpu::share).sum());
        check("memory", memory.stream().mapToDouble(Memory::share).sum());
    }

    private static void check(String what, double total) {
        if (total > 1 + 1e-9) throw new IllegalArgumentException("the " + what + " shares add up to " + fmt(total) + "; must be ≤ 1");
    }

    /** The GPU entry of the next job, or null (no GPU). */
    public Gpu drawGpu(SplittableRandom random) {
        double u = random.nextDouble();
        for (Gpu g : gpus) {
            u -= g.share();
            if (u < 0) return g;
        }
        return null;
    }

    /** The memory entry of the next job, or null (memory unchanged). */
    public Memory drawMemory(SplittableRandom random) {
        double u = random.nextDouble();
        for (Memory m : memory) {
            u -= m.share();
            if (u < 0) return m;
        }
        return null;
    }

    /**
     * Parses the text forms (either may be null or blank: none).
     *
     * @throws IllegalArgumentException naming the entry and what is wrong
     */
    public static ResourceMix parse(String gpuText, String memoryText) {
        List<Gpu> gpus = new ArrayList<>();
        for (String e : entries(gpuText)) {
            String[] p = e.split(":", -1);
            if (p.length < 2 || p.length > 3) throw bad("GPU", e, "give SHARE:COUNT/node[:TYPE] or SHARE:COUNT/job[:TYPE], e.g. 0.2:1/node:a100");
            String[] count = p[1].split("/", -1);
            if (count.length != 2 || !(count[1].equals("node") || count[1].equals("job"))) {
                throw bad("GPU", e, "the count needs /node or /job, e.g. 1/node");
            }
            try {
                gpus.add(new Gpu(share("GPU", e, p[0]), Long.parseLong(count[0].strip()), count[1].equals("job"),
                        p.length == 3 ? p[2].strip() : ""));
            } catch (NumberFormatException x) {
                throw bad("GPU", e, "count \"" + count[0] + "\" is not a whole number");
            } catch (IllegalArgumentException x) {
                throw bad("GPU", e, x.getMessage());
            }
        }
        List<Memory> memory = new ArrayList<>();
        for (String e : entries(memoryText)) {
            String[] p = e.split(":", -1);
            String[] size = p.length == 2 ? p[1].split("/", -1) : new String[0];
            if (size.length != 2 || !(size[1].equals("cpu") || size[1].equals("node"))) {
                throw bad("memory", e, "give SHARE:SIZE/cpu or SHARE:SIZE/node, e.g. 0.6:2G/cpu");
            }
            try {
                memory.add(new Memory(share("memory", e, p[0]), megabytes(size[0].strip()), size[1].equals("cpu")));
            } catch (IllegalArgumentException x) {
                throw x.getMessage().startsWith("memory entry") ? x : bad("memory", e, x.getMessage());
            }
        }
        return new ResourceMix(gpus, memory);
    }

    /** The text form of the GPU entries ({@link #parse} reads it back). */
    public String gpuText() {
        return String.join(",", gpus.stream().map(Gpu::toString).toList());
    }

    /** The text form of the memory entries. */
    public String memoryText() {
        return String.join(",", memory.stream().map(Memory::toString).toList());
    }

    private static List<String> entries(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String e : text.split(",")) out.add(e.strip());
        return out;
    }

    private static double share(String what, String entry, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException x) {
            throw bad(what, entry, "share \"" + text + "\" is not a number");
        }
    }

    /** "2G", "512M", "2048" (MB), "1T". */
    static long megabytes(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        long factor = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (last) {
            case 'K' -> factor = -1024;
            case 'M' -> factor = 1;
            case 'G' -> factor = 1024;
            case 'T' -> factor = 1024 * 1024;
            default -> factor = 0;
        }
        String number = factor == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long v = Long.parseLong(number);
            if (factor == 0) return v;
            return factor < 0 ? Math.max(1, v / 1024) : v * factor;
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException("size \"" + text + "\" is not a size (e.g. 2048, 512M, 2G)");
        }
    }

    private static IllegalArgumentException bad(String what, String entry, String why) {
        return new IllegalArgumentException(what + " entry \"" + entry + "\": " + why);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
