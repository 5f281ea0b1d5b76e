package org.preemptlab.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole-process, single-shot runs as users run them: each run is a new process (a new JVM for
 * PreemptLab), the variants alternate round by round (A, B, C, A, B, C, ...) so that a busy machine
 * slows them alike, and the report gives the median wall time and the median CPU time (user + system,
 * the child's own and its children's) of each, and how many times faster each is than the last
 * variant. CPU time is read
 * from {@code /proc/self/stat} (the reaped children's times); where that file does not exist it is
 * not reported.
 */
final class ColdBench {

    private ColdBench() {}

    /** One command to time. */
    record Variant(String label, List<String> command) {}

    /** Medians of one variant over the rounds. */
    record Result(Variant variant, double[] wall, double[] cpu, String lastOutput) {
        double medianWall() {
            return median(wall);
        }

        double medianCpu() {
            return median(cpu);
        }
    }

    /** All results, with the load average before and after. */
    record Report(List<Result> results, String loadBefore, String loadAfter, int rounds) {
        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append(String.format("%d alternating rounds; load average (1/5/15 min) before: %s, after: %s; %d CPUs%n%n",
                    rounds, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors()));
            Result last = results.get(results.size() - 1);
            md.append("| command (whole process, cold, one shot) | median wall s | median CPU s (user+sys) | walls s | "
                    + "× faster than the last row, wall | × faster, CPU |\n|---|---|---|---|---|---|\n");
            for (Result r : results) {
                md.append(String.format("| %s | %.2f | %s | %s | %.2f | %s |%n", r.variant().label(), r.medianWall(),
                        Double.isNaN(r.medianCpu()) ? "n/a" : String.format("%.2f", r.medianCpu()), joined(r.wall()),
                        last.medianWall() / r.medianWall(),
                        Double.isNaN(r.medianCpu()) ? "n/a" : String.format("%.1f", last.medianCpu() / r.medianCpu())));
            }
            return md.toString();
        }
    }

    /** Runs every variant {@code rounds} times, alternating; progress lines go to {@code log}. */
    static Report run(List<Variant> variants, int rounds, PrintStream log) throws IOException, InterruptedException {
        double[][] wall = new double[variants.size()][rounds];
        double[][] cpu = new double[variants.size()][rounds];
        String[] output = new String[variants.size()];
        String loadBefore = loadAverage();
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                double cpuBefore = childrenCpuSeconds();
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(variant.command()).redirectErrorStream(true).start();
                byte[] out = p.getInputStream().readAllBytes();
                int code = p.waitFor();
                wall[v][round] = (System.nanoTime() - t0) / 1e9;
                cpu[v][round] = childrenCpuSeconds() - cpuBefore;
                output[v] = new String(out).strip();
                if (code != 0) {
                    throw new IllegalStateException(variant.label() + " exited with " + code + ": " + variant.command()
                            + "\n" + output[v]);
                }
                log.printf("round %d/%d  %-60s wall %6.2f s  cpu %6.2f s%n", round + 1, rounds, variant.label(),
                        wall[v][round], cpu[v][round]);
            }
        }
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) results.add(new Result(variants.get(v), wall[v], cpu[v], output[v]));
        return new Report(results, loadBefore, loadAverage(), rounds);
    }

    /**
     * {@code java -jar <this jar>} (as the users type it) and, when it sits next to the jar's
     * project, the {@code preemptlab} launcher script (with the measured JVM options and class-data sharing).
     */
    static List<List<String>> defaultLaunchers() {
        List<List<String>> out = new ArrayList<>();
        Path jar = ownJar();
        if (jar == null) throw new IllegalStateException("--cold without --launcher needs to run from the jar (java -jar preemptlab.jar)");
        out.add(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        Path script = jar.getParent() == null || jar.getParent().getParent() == null ? null
                : jar.getParent().getParent().getParent().resolve("preemptlab");
        if (script != null && Files.isExecutable(script)) out.add(List.of(script.toString()));
        return out;
    }

    /** A short label for a launcher: {@code java -jar preemptlab.jar} or {@code ./preemptlab}. */
    static String label(List<String> start) {
        List<String> words = new ArrayList<>();
        for (String w : start) {
            Path p = Path.of(w);
            words.add(p.getFileName() == null ? w : (w.contains("/") ? p.getFileName().toString() : w));
        }
        return String.join(" ", words);
    }

    private static Path ownJar() {
        try {
            Path p = Path.of(ColdBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** CPU seconds (user + system) of this process's reaped children, NaN if the system does not say. */
    static double childrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, cutime field 16, cstime field 17 (proc(5))
            long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / (double) clockTicksPerSecond();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long clockTicksPerSecond() {
        return 100; // USER_HZ: 100 on every Linux ABI the JDK runs on
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String joined(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) b.append(b.length() == 0 ? "" : " ").append(String.format("%.2f", v));
        return b.toString();
    }
}
