package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the command line in-process with generated bad (and some good) inputs: SWF lines and
 * headers, scenario JSON (every field of the format mutated: missing, wrong type, negative, zero,
 * huge, Long.MAX, NaN, unknown enum, truncated), sweep files and the options of simulate, run,
 * sweep, maintenance and break-even (negative, zero, overflowing, missing files, /dev/null,
 * directories, an output whose parent is a file).
 *
 * <p>The oracle, for every input: it ends within the watchdog (10 s) either with exit 0, or with a
 * non-zero exit and exactly one error line ({@code preemptlab: …}) that names the file or the
 * option; never a stack trace, an internal library message or {@code null:}; no output file it was
 * given exists after a failure; an input known to be bad (e.g. {@code ; MaxProcs: -5}, a negative
 * option, truncated JSON) must not succeed.
 *
 * <p>Seeded and reproducible: {@code -Dfuzz.seed=N} (default 17), {@code -Dfuzz.inputs=N} (default
 * 10,000), {@code -Dfuzz.watchdog=SECONDS} (default 10); {@code -Dfuzz.report=true} prints the
 * outcome counts and does not fail (to measure). The seed and the counts are printed.
 */
class CliFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 17L);
    static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);
    static final long WATCHDOG_SECONDS = Long.getLong("fuzz.watchdog", 10L);
    static final boolean REPORT_ONLY = Boolean.getBoolean("fuzz.report");

    /** What became of one input. */
    enum Outcome {
        SUCCESS, CLEAR_ERROR, HANG, CRASH, STACK_TRACE, INTERNAL_MESSAGE, UNCLEAR_ERROR, SILENT_ACCEPTANCE,
        PARTIAL_OUTPUT
    }

    /** One generated input: files to write, the arguments, what a failure must name, the outputs it was given. */
    static final class Case {
        final String family;
        String what;
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final List<String> args = new ArrayList<>();
        /** Any of these must be in the error line (a file name or an option). */
        final List<String> names = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        boolean mustFail;

        Case(String family, String what) {
            this.family = family;
            this.what = what;
        }

        Case file(String name, String text) {
            files.put(name, text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Case args(String... a) {
            args.addAll(Arrays.asList(a));
            return this;
        }

        @Override
        public String toString() {
            return family + " [" + what + "] args=" + args + " files=" + files.keySet();
        }
    }

    record Result(int code, String out, String err, Throwable thrown) {}

    @TempDir
    Path root;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyInputEndsWithSuccessOrOneClearLine() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<Outcome, Integer> counts = fuzz(root, System.out, failures);
        if (REPORT_ONLY) return;
        assertThat(failures).as("inputs that hung, crashed, leaked internals or were unclear (seed " + SEED + ")").isEmpty();
        assertThat(counts.get(Outcome.SUCCESS)).as("some inputs succeed (the generator is not all noise)").isPositive();
        assertThat(counts.get(Outcome.CLEAR_ERROR)).as("some inputs fail clearly").isPositive();
    }

    /** Runs the fuzzer outside JUnit (same properties): {@code java -cp … org.preemptlab.app.cli.CliFuzzTest}. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("cli-fuzz");
        List<String> failures = new ArrayList<>();
        fuzz(dir, System.out, failures);
        deleteTree(dir);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Generates and runs {@link #INPUTS} inputs in {@code root}; prints the seed and the counts; adds each bad outcome to failures. */
    static Map<Outcome, Integer> fuzz(Path root, PrintStream log, List<String> failures) throws Exception {
        log.println("CliFuzzTest: seed " + SEED + ", " + INPUTS + " inputs, watchdog " + WATCHDOG_SECONDS
                + " s (reproduce: -Dfuzz.seed=" + SEED + ")");
        CliFuzzTest generator = new CliFuzzTest();
        SplittableRandom random = new SplittableRandom(SEED);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, 0);
        Map<String, Integer> families = new LinkedHashMap<>();
        ExecutorService pool = newPool();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        System.setOut(CAPTURE_OUT);
        System.setErr(CAPTURE_ERR);
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < INPUTS; i++) {
                Case c = generator.generate(random.split(), i);
                families.merge(c.family, 1, Integer::sum);
                Path dir = Files.createDirectory(root.resolve("in" + i));
                for (var f : c.files.entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
                String[] args = c.args.stream().map(a -> a.replace("@DIR@", dir.toString())).toArray(String[]::new);
                Future<Result> future = pool.submit(() -> runCli(args));
                Result r;
                try {
                    r = future.get(WATCHDOG_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    r = null;
                    stopHung(pool);
                    pool = newPool();
                } catch (ExecutionException e) {
                    r = new Result(-1, "", "", e.getCause());
                }
                Outcome o = judge(c, r, dir);
                counts.merge(o, 1, Integer::sum);
                if (o != Outcome.SUCCESS && o != Outcome.CLEAR_ERROR) {
                    String err = r == null ? "(no end within " + WATCHDOG_SECONDS + " s)"
                            : r.thrown() != null ? String.valueOf(r.thrown()) : r.err().strip();
                    failures.add("#" + i + " " + o + ": " + c + "\n    → exit " + (r == null ? "-" : r.code()) + ": "
                            + (err.length() > 400 ? err.substring(0, 400) + "…" : err));
                }
                deleteTree(dir);
                if ((i + 1) % 1000 == 0) {
                    log.printf(Locale.ROOT, "CliFuzzTest: %d inputs, %.0f s, %s%n", i + 1, (System.nanoTime() - t0) / 1e9, counts);
                }
            }
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
            pool.shutdownNow();
        }
        log.println("CliFuzzTest: families " + families);
        log.println("CliFuzzTest: outcomes " + counts);
        Map<Outcome, List<String>> byClass = new EnumMap<>(Outcome.class);
        for (String f : failures) {
            Outcome o = Outcome.valueOf(f.substring(f.indexOf(' ') + 1, f.indexOf(':')));
            byClass.computeIfAbsent(o, k -> new ArrayList<>()).add(f);
        }
        for (var e : byClass.entrySet()) {
            log.println("CliFuzzTest: " + e.getKey() + " (" + e.getValue().size() + "), first ones:");
            e.getValue().stream().limit(Integer.getInteger("fuzz.show", 8)).forEach(f -> log.println("  " + f));
        }
        return counts;
    }

    /** System.out/err while fuzzing: what each thread prints goes to that thread's buffer (none: dropped). */
    static final ThreadLocal<ByteArrayOutputStream> OUT_BUFFER = new ThreadLocal<>();
    static final ThreadLocal<ByteArrayOutputStream> ERR_BUFFER = new ThreadLocal<>();
    static final PrintStream CAPTURE_OUT = new PrintStream(new Routed(OUT_BUFFER), true, StandardCharsets.UTF_8);
    static final PrintStream CAPTURE_ERR = new PrintStream(new Routed(ERR_BUFFER), true, StandardCharsets.UTF_8);

    private static final class Routed extends OutputStream {
        private final ThreadLocal<ByteArrayOutputStream> buffer;

        Routed(ThreadLocal<ByteArrayOutputStream> buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            ByteArrayOutputStream to = buffer.get();
            if (to != null) to.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ByteArrayOutputStream to = buffer.get();
            if (to != null) to.write(b, off, len);
        }
    }

    /** The unmutated bases succeed: the fuzzer mutates valid inputs, so a failure it finds is the mutation's. */
    @Test
    void theBasesAreValid() throws IOException {
        Files.writeString(root.resolve("t.swf"), SWF_TEXT);
        Files.writeString(root.resolve("s.json"), SWEEP_SCENARIO);
        Files.writeString(root.resolve("w.json"), SWEEP);
        Files.writeString(root.resolve("w2.json"), SWEEP_OF_SCENARIO);
        for (String base : List.of(POOLS, PROCS, TRACE)) {
            Files.writeString(root.resolve("b.json"), base);
            Result r = runCli(new String[] {"run", root.resolve("b.json").toString()});
            assertThat(r.code()).as(r.err()).isZero();
        }
        Files.writeString(root.resolve("b.json"), POOLS);
        assertThat(runCli(new String[] {"maintenance", root.resolve("b.json").toString()}).code()).isZero();
        assertThat(runCli(new String[] {"simulate", "--trace", root.resolve("t.swf").toString()}).code()).isZero();
        for (String w : List.of("w.json", "w2.json")) {
            Result r = runCli(new String[] {"sweep", root.resolve(w).toString(), "--out-csv", root.resolve("r.csv").toString(),
                "--threads", "1"});
            assertThat(r.code()).as(r.err()).isZero();
        }
        Result be = runCli(new String[] {"break-even", root.resolve("b.json").toString(), "--png", root.resolve("o.png").toString(),
            "--bandwidth", "10:1000:2", "--image-size", "10:1000:2", "--threads", "1"});
        assertThat(be.code()).as(be.err()).isZero();
    }

    private static ExecutorService newPool() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cli-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    /** A hung run's thread is stopped so it does not eat the CPU of the remaining inputs. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stopHung(ExecutorService pool) {
        pool.shutdownNow();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("cli-fuzz")) {
                try {
                    t.stop();
                } catch (UnsupportedOperationException ignored) {
                    // newer JDKs: the daemon thread is left to end by itself
                }
                t.setName("cli-fuzz-stopped");
            }
        }
    }

    /** Runs the CLI in-process with stdout and stderr (the writers and System.out/err) captured. */
    static Result runCli(String[] args) {
        boolean routed = System.out == CAPTURE_OUT;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        OUT_BUFFER.set(sysOut);
        ERR_BUFFER.set(sysErr);
        if (!routed) {
            System.setOut(CAPTURE_OUT);
            System.setErr(CAPTURE_ERR);
        }
        try {
            int code = PreemptLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(code, out + sysOut.toString(StandardCharsets.UTF_8),
                    err + sysErr.toString(StandardCharsets.UTF_8), null);
        } catch (Throwable t) {
            return new Result(-1, out.toString(), err + sysErr.toString(StandardCharsets.UTF_8), t);
        } finally {
            OUT_BUFFER.remove();
            ERR_BUFFER.remove();
            if (!routed) {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }

    static final List<String> INTERNAL = List.of("[Source: ", "start marker at", "null:", "java.lang.", "java.io.",
            "com.fasterxml", "picocli.", "org.preemptlab.", "Exception", "Error:");

    static Outcome judge(Case c, Result r, Path dir) {
        if (r == null) return Outcome.HANG;
        if (r.thrown() != null) return Outcome.CRASH;
        String all = r.out() + r.err();
        if (all.contains("\tat ") || all.contains("at org.") || all.contains("at java.") || all.contains("Exception in thread")) {
            return Outcome.STACK_TRACE;
        }
        if (r.code() == 0) return c.mustFail ? Outcome.SILENT_ACCEPTANCE : Outcome.SUCCESS;
        for (String o : c.outputs) {
            Path p = Path.of(o.replace("@DIR@", dir.toString()));
            if (Files.isRegularFile(p) && !c.files.containsKey(dir.relativize(p).toString())) return Outcome.PARTIAL_OUTPUT;
        }
        List<String> lines = r.err().lines().filter(l -> l.startsWith("preemptlab: ")).toList();
        if (lines.size() != 1) return Outcome.UNCLEAR_ERROR;
        String line = lines.get(0);
        for (String bad : INTERNAL) if (line.replace("/dev/null:", "/dev/NULL:").contains(bad)) return Outcome.INTERNAL_MESSAGE;
        if (line.strip().length() <= "preemptlab: ".length() + 3) return Outcome.UNCLEAR_ERROR;
        if (!c.names.isEmpty() && c.names.stream().noneMatch(line::contains)) return Outcome.UNCLEAR_ERROR;
        return Outcome.CLEAR_ERROR;
    }

    // ================================================================ generation

    Case generate(SplittableRandom r, int i) throws IOException {
        int k = r.nextInt(100);
        if (k < 30) return swf(r);
        if (k < 62) return scenario(r);
        if (k < 72) return sweep(r);
        return options(r);
    }

    // ---------------------------------------------------------------- SWF

    static final String[] GOOD_LINES = {
        "1 0 -1 100 4 -1 -1 4 200 -1 1 1 1 1 1 1 -1 -1",
        "2 5 -1 50 8 -1 -1 8 60 -1 1 1 1 1 1 1 -1 -1",
        "3 7 -1 30 2 -1 -1 2 300 -1 1 2 1 1 1 1 -1 -1",
        "4 9 -1 10 1 -1 -1 1 20 -1 1 2 1 1 1 1 -1 -1",
    };

    static final String[] BAD_NUMBERS = {"abc", "-1", "-5", "0", "1e308", "NaN", "Infinity", "-0", "4.5",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "2147483648", "2000000000", "", "0x10",
        "1,5", "+3"};

    static final String[] HEADER_SIZES = {"-5", "0", "-1", "1", "8", "2000000000", "2147483647", "2147483648",
        "9223372036854775807", "abc", "NaN", "", "8.5", "100000000"};

    Case swf(SplittableRandom r) throws IOException {
        Case c = new Case("swf", "");
        StringBuilder what = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int header = r.nextInt(10);
        boolean badHeader = false;
        if (header < 5) {
            text.append("; MaxProcs: 8\n");
        } else if (header < 7) {
            String v = pick(r, HEADER_SIZES);
            String key = r.nextBoolean() ? "MaxProcs" : "MaxNodes";
            text.append("; ").append(key).append(": ").append(v).append('\n');
            what.append(key).append('=').append(v).append(' ');
            // -1 and an empty value are SWF's "unknown": accepted, with a warning naming the size assumed; any size
            // up to 2^31-1 is a valid machine (processor numbers are kept as runs: no cost per processor)
            badHeader = !List.of("8", "1", "-1", "", "2000000000", "2147483647", "100000000").contains(v);
        } else if (header < 8) {
            text.append("; MaxProcs: 8\n; MaxNodes: ").append(pick(r, HEADER_SIZES)).append('\n');
        } else if (header < 9) {
            text.append("; Version: 2.2\n; Computer: fuzz\n");
            what.append("no-size-header ");
        } else {
            what.append("no-header ");
        }
        int n = 1 + r.nextInt(4);
        boolean badLine = false;
        for (int j = 0; j < n; j++) {
            String[] f = GOOD_LINES[j].split(" ");
            if (r.nextInt(3) == 0) {
                int kind = r.nextInt(4);
                int field = r.nextInt(18);
                List<String> fl = new ArrayList<>(Arrays.asList(f));
                switch (kind) {
                    case 0 -> {
                        fl.remove(field);
                        what.append("line").append(j).append(":drop").append(field + 1).append(' ');
                        badLine = true;
                    }
                    case 1 -> {
                        String extra = pick(r, BAD_NUMBERS);
                        fl.add(extra.isEmpty() ? "x" : extra);
                        what.append("line").append(j).append(":extra ");
                        badLine = true;
                    }
                    default -> {
                        String v = pick(r, BAD_NUMBERS);
                        if (v.isEmpty()) v = "x";
                        fl.set(field, v);
                        what.append("line").append(j).append(":f").append(field + 1).append('=').append(v).append(' ');
                    }
                }
                f = fl.toArray(String[]::new);
            }
            text.append(String.join(r.nextInt(8) == 0 ? "\t" : " ", f)).append('\n');
        }
        if (r.nextInt(20) == 0) {
            text.append("garbage line here\n");
            badLine = true;
        }
        String name = "t.swf";
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        int gz = r.nextInt(10);
        if (gz == 0) {
            name = "t.swf.gz";
            bytes = gzip(bytes);
        } else if (gz == 1) {
            name = "t.swf.gz";
            byte[] all = gzip(bytes);
            bytes = Arrays.copyOf(all, Math.max(1, r.nextInt(all.length - 1)));
            what.append("truncated-gz ");
            c.mustFail = true;
        }
        c.files.put(name, bytes);
        c.args("simulate", "--trace", "@DIR@/" + name);
        c.names.add(name);
        if (badHeader || badLine) c.mustFail = true;
        if (r.nextInt(4) == 0) {
            String p = pick(r, new String[] {"8", "16", "0", "-1", "999999999", "2147483647", "2147483648", "abc"});
            c.args("--procs", p);
            c.names.add("--procs");
            what.append("--procs ").append(p).append(' ');
            if (!List.of("8", "16", "999999999", "2147483647").contains(p)) c.mustFail = true;
        }
        if (r.nextInt(3) == 0) policyOptions(r, c, what);
        if (r.nextInt(3) == 0) outputs(r, c, what, List.of("--out-swf", "--metrics-json", "--events-csv"));
        c.what = what.toString().strip();
        return c;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(b)) {
            gz.write(bytes);
        }
        return b.toByteArray();
    }

    void policyOptions(SplittableRandom r, Case c, StringBuilder what) {
        String[][] opts = {
            {"--policy", "fcfs", "easy", "conservative", "aggressive-checkpoint", "preemption-backfill", "zzz", ""},
            {"--checkpoint-seconds", "0", "215", "-1", "9223372036854775807", "4611686018427387904", "1e3", "abc"},
            {"--restart-seconds", "0", "100", "-1", "-2", "9223372036854775807", "abc"},
            {"--p", "0.5", "0", "-0.1", "1.5", "NaN", "Infinity", "abc"},
            {"--threshold", "0", "1800", "-1", "9223372036854775807", "abc"},
        };
        String[] o = opts[r.nextInt(opts.length)];
        String v = o[1 + r.nextInt(o.length - 1)];
        boolean ac = r.nextBoolean();
        if (!o[0].equals("--policy")) {
            if (o[0].equals("--p") || o[0].equals("--threshold") || ac) c.args("--policy", "aggressive-checkpoint");
        }
        c.args(o[0], v);
        c.names.add(o[0]);
        what.append(o[0]).append(' ').append(v).append(' ');
        boolean good = switch (o[0]) {
            case "--policy" -> !v.equals("zzz") && !v.isEmpty();
            case "--checkpoint-seconds" -> v.equals("0") || v.equals("215");
            case "--restart-seconds" -> v.equals("0") || v.equals("100");
            case "--p" -> v.equals("0.5");
            default -> v.equals("0") || v.equals("1800");
        };
        // --restart-seconds -1 (the old "same as checkpoint" marker) is refused: give no option for that
        if (!good) c.mustFail = true;
    }

    /** Output options, some with a target that cannot be written (parent is a file, a directory, a missing folder). */
    void outputs(SplittableRandom r, Case c, StringBuilder what, List<String> options) {
        String opt = options.get(r.nextInt(options.size()));
        int kind = r.nextInt(6);
        String target;
        switch (kind) {
            case 0 -> {
                c.file("plain.txt", "x");
                target = "@DIR@/plain.txt/out.file";
                c.mustFail = true;
                what.append(opt).append(" parent-is-file ");
            }
            case 1 -> {
                c.file("sub/keep.txt", "x");
                target = "@DIR@/sub";
                c.mustFail = true;
                what.append(opt).append(" directory ");
            }
            case 2 -> {
                target = "@DIR@/missing/dir/out.file";
                what.append(opt).append(" missing-parent ");
            }
            default -> {
                target = "@DIR@/out-" + opt.substring(2) + ".file";
                what.append(opt).append(' ');
            }
        }
        c.args(opt, target);
        c.outputs.add(target);
        c.names.add(opt);
        c.names.add("out.file");
        c.names.add("sub");
        c.names.add("plain.txt");
        c.names.add("missing");
    }

    // ---------------------------------------------------------------- scenario JSON

    static final String POOLS = """
        {"formatVersion": 1, "name": "fz", "description": ["a", "b"], "seed": 7, "horizon": "2d",
         "cluster": {"pools": [
           {"name": "p", "nodes": 2, "coresPerNode": 4, "memoryPerNodeMb": 1000, "owner": "chem", "borrowers": ["*"],
            "checkpointBandwidthMBps": 100},
           {"name": "q", "nodes": 2, "coresPerNode": 4}]},
         "policy": {"scheduler": "easy"},
         "preemption": {"owner": true, "qos": false, "tiers": {"high": 2, "normal": 1}, "victimOrder": "youngest-first",
           "exemptSeconds": 0, "graceSeconds": 5, "requeue": "priority", "chains": {"normal": ["suspend", "requeue"]},
           "defaultChain": ["requeue", "kill"],
           "checkpoint": {"model": "fixed", "checkpointSeconds": 10, "restartSeconds": 10, "storageMBps": 500}},
         "maintenance": [{"name": "m", "start": "1h", "duration": "10m", "nodes": "all", "pools": ["q"],
           "strategy": "drain-then-checkpoint", "drainHorizon": "5m"}],
         "failures": {"nodeMtbf": "30d", "repair": "1h", "seed": 3, "checkpoints": "none"},
         "jobs": [
           {"name": "a", "submit": 0, "nodes": 1, "coresPerNode": 4, "memoryPerNodeMb": 100, "estimate": 100,
            "runtime": 50, "qos": "normal", "group": "bio", "pools": ["p", "q"], "rerunnable": true,
            "checkpointable": true, "imageMbPerNode": 10, "checkpointInterval": 0},
           {"name": "b", "submit": "1m", "nodes": 2, "estimate": "10m", "runtime": "5m", "group": "chem"},
           {"name": "r", "submit": 0, "runningFor": "2m", "onNodes": ["q-1"], "nodes": 1, "estimate": "1h",
            "runtime": "30m"}]}
        """;

    static final String PROCS = """
        {"formatVersion": 1, "name": "fzp", "seed": 1,
         "cluster": {"processors": 16},
         "policy": {"scheduler": "aggressive-checkpoint", "p": 0.2, "thresholdSeconds": 1800, "extendSeconds": 60,
                    "killInstead": false},
         "preemption": {"checkpoint": {"model": "image", "storageMBps": 100}},
         "jobs": [
           {"name": "a", "submit": 0, "procs": 8, "estimate": 4000, "runtime": 3000, "imageMbPerNode": 5},
           {"name": "b", "submit": 10, "procs": 16, "estimate": 100, "runtime": 90},
           {"name": "c", "submit": 20, "procs": 4, "estimate": 100, "runtime": 100, "checkpointInterval": "10m"}]}
        """;

    static final String TRACE = """
        {"formatVersion": 1, "name": "fzt",
         "trace": {"path": "t.swf", "firstJob": 1, "lastJob": 100, "fromSubmit": 0, "toSubmit": "1d", "maxJobs": 10,
                   "procs": 8},
         "policy": {"scheduler": "conservative"}}
        """;

    static final String SWF_TEXT = "; MaxProcs: 8\n" + String.join("\n", GOOD_LINES) + "\n";

    /** Enum-like string fields: an unknown value must be refused. */
    static final List<String> ENUM_KEYS = List.of("scheduler", "victimOrder", "requeue", "model", "strategy", "checkpoints");

    Case scenario(SplittableRandom r) throws IOException {
        int base = r.nextInt(10);
        String baseText = base < 5 ? POOLS : base < 8 ? PROCS : TRACE;
        ObjectNode tree = (ObjectNode) json.readTree(baseText);
        StringBuilder what = new StringBuilder();
        boolean mustFail = false;
        int mutations = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        for (int m = 0; m < mutations; m++) mustFail |= mutate(r, tree, what);
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        int syntax = r.nextInt(20);
        if (syntax == 0) {
            text = text.substring(0, r.nextInt(text.length()));
            what.append(" truncated");
            mustFail = true;
        } else if (syntax == 1) {
            text = text.replaceFirst("\"seed\" : \\d+|\"procs\" : \\d+|\"nodes\" : \\d+", "\"seed\" : NaN");
            what.append(" raw-NaN");
            mustFail = text.contains("NaN");
        } else if (syntax == 2) {
            int at = r.nextInt(text.length());
            text = text.substring(0, at) + pick(r, new String[] {"}", "]", ",", "\"", ":", "\u0000", "{"}) + text.substring(at);
            what.append(" garbage-char@").append(at);
        }
        Case c = new Case("scenario", what.toString().strip());
        c.mustFail = mustFail;
        c.file("s.json", text);
        if (baseText == TRACE) c.file("t.swf", SWF_TEXT);
        c.names.add("s.json");
        int command = r.nextInt(20);
        if (command < 16 || baseText != POOLS) {
            c.args("run", "@DIR@/s.json");
            if (r.nextInt(3) == 0) outputs(r, c, new StringBuilder(), List.of("--metrics-json", "--events-csv", "--out-swf"));
        } else if (command < 19) {
            c.args("maintenance", "@DIR@/s.json");
        } else {
            c.args("break-even", "@DIR@/s.json", "--png", "@DIR@/o.png", "--bandwidth", "10:1000:2", "--image-size",
                    "10:1000:2", "--threads", "1");
            c.outputs.add("@DIR@/o.png");
        }
        return c;
    }

    /** One mutation of a random node of the tree; true when the result is known to be invalid. */
    boolean mutate(SplittableRandom r, ObjectNode tree, StringBuilder what) {
        List<String[]> paths = new ArrayList<>();
        List<JsonNode> parents = new ArrayList<>();
        collect(tree, "", paths, parents);
        int at = r.nextInt(paths.size());
        String[] p = paths.get(at);
        JsonNode parent = parents.get(at);
        String key = p[1];
        JsonNode old = parent.isObject() ? parent.get(key) : parent.get(Integer.parseInt(key));
        JsonNodeFactory n = JsonNodeFactory.instance;
        int kind = r.nextInt(16);
        JsonNode value;
        String label;
        boolean bad = false;
        switch (kind) {
            case 0 -> { value = null; label = "missing"; }
            case 1 -> { value = n.textNode("abc"); label = "\"abc\""; bad = old.isNumber() || old.isBoolean() || old.isContainerNode(); }
            case 2 -> { value = n.booleanNode(true); label = "true"; bad = !old.isBoolean(); }
            case 3 -> { value = n.nullNode(); label = "null"; }
            case 4 -> { value = n.arrayNode(); label = "[]"; bad = !old.isArray(); }
            case 5 -> { value = n.objectNode(); label = "{}"; bad = !old.isObject(); }
            case 6 -> { value = n.numberNode(-1); label = "-1"; }
            case 7 -> { value = n.numberNode(0); label = "0"; }
            case 8 -> { value = n.numberNode(Long.MAX_VALUE); label = "Long.MAX"; bad = counted(p[0], old); }
            case 9 -> { value = n.numberNode(Long.MIN_VALUE); label = "Long.MIN"; bad = counted(p[0], old); }
            case 10 -> { value = n.numberNode(new BigInteger("99999999999999999999999")); label = "1e23"; bad = counted(p[0], old); }
            case 11 -> { value = n.numberNode(1e300); label = "1e300"; bad = counted(p[0], old); }
            case 12 -> { value = n.numberNode(pickLong(r)); label = "huge"; }
            case 13 -> {
                boolean one = r.nextBoolean(); // 1: the smallest time (a failure per node per second), -0.5: a fraction
                value = one ? n.numberNode(1) : n.numberNode(-0.5);
                label = one ? "1" : "-0.5";
            }
            case 14 -> { value = n.textNode(pick(r, new String[] {"zzz", "-1h", "99999999999d", "1e5", "NaN", "", "2h"}));
                label = value.toString(); bad = ENUM_KEYS.contains(key) && !value.asText().equals("2h"); }
            default -> {
                if (parent.isObject()) {
                    ((ObjectNode) parent).put("zzUnknown", 1);
                    what.append(p[0]).append(".zzUnknown=1; ");
                    return true;
                }
                value = n.numberNode(2); label = "2";
            }
        }
        if (ENUM_KEYS.contains(key) && value != null && !value.isNull() && !value.isTextual()) bad = true;
        what.append(p[0]).append('=').append(label).append("; ");
        if (parent.isObject()) {
            if (value == null) ((ObjectNode) parent).remove(key);
            else ((ObjectNode) parent).set(key, value);
        } else {
            int idx = Integer.parseInt(key);
            if (value == null) ((ArrayNode) parent).remove(idx);
            else ((ArrayNode) parent).set(idx, value);
        }
        return bad;
    }

    /**
     * A whole-number field where Long.MAX, Long.MIN or 1e23 must be refused (a time, a count, a size), as
     * opposed to a seed or a rate (a bandwidth of 1e23 MB/s is absurd but harmless: checkpoints take no time).
     */
    static boolean counted(String path, JsonNode old) {
        return old.isIntegralNumber()
                && List.of("seed", "Bandwidth", "bandwidth", "MBps", "memoryPerNodeMb", "maxJobs", "lastJob").stream()
                        .noneMatch(path::contains);
    }

    static long pickLong(SplittableRandom r) {
        long[] v = {100_000_000L, 2_000_000_000L, Integer.MAX_VALUE, 1L << 40, 4_000_000_000L, 1_000_000_000_000L};
        return v[r.nextInt(v.length)];
    }

    static void collect(JsonNode node, String path, List<String[]> paths, List<JsonNode> parents) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                paths.add(new String[] {p, e.getKey()});
                parents.add(node);
                collect(e.getValue(), p, paths, parents);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                paths.add(new String[] {p, Integer.toString(i)});
                parents.add(node);
                collect(node.get(i), p, paths, parents);
            }
        }
    }

    // ---------------------------------------------------------------- sweep files

    static final String SWEEP = """
        {"formatVersion": 1, "name": "fzs", "description": "d",
         "inputs": [{"trace": "t.swf", "name": "t", "procs": 8, "firstJob": 1, "lastJob": 10, "fromSubmit": 0,
                     "toSubmit": "1d", "maxJobs": 10, "checkpointSeconds": 215, "restartSeconds": 215},
                    {"scenario": "s.json"}],
         "axes": {"policy": ["fcfs", "easy", "aggressive-checkpoint"], "alpha": ["original", 0.5], "p": [0.2]}}
        """;

    static final String SWEEP_OF_SCENARIO = """
        {"formatVersion": 1, "name": "fzs2",
         "inputs": [{"scenario": "s.json", "name": "s"}],
         "axes": {"mechanism": ["suspend", "requeue"], "bandwidth": [100, 1000], "maintenanceStart": ["30m", "2h"]}}
        """;

    static final String SWEEP_SCENARIO = """
        {"formatVersion": 1, "name": "ss",
         "cluster": {"pools": [{"name": "p", "nodes": 2, "coresPerNode": 4, "owner": "chem", "borrowers": ["*"]}]},
         "policy": {"scheduler": "easy"},
         "preemption": {"owner": true, "defaultChain": ["requeue", "kill"]},
         "maintenance": [{"start": "1h", "duration": "10m", "nodes": "all", "strategy": "drain"}],
         "jobs": [{"name": "a", "submit": 0, "nodes": 1, "estimate": 100, "runtime": 50},
                  {"name": "b", "submit": 5, "nodes": 2, "estimate": 100, "runtime": 50, "group": "chem"}]}
        """;

    Case sweep(SplittableRandom r) throws IOException {
        ObjectNode tree = (ObjectNode) json.readTree(r.nextBoolean() ? SWEEP : SWEEP_OF_SCENARIO);
        StringBuilder what = new StringBuilder();
        boolean mustFail = r.nextInt(8) != 0 && mutate(r, tree, what);
        String text = json.writeValueAsString(tree);
        if (r.nextInt(15) == 0) {
            text = text.substring(0, r.nextInt(text.length()));
            what.append(" truncated");
            mustFail = true;
        }
        Case c = new Case("sweep", what.toString().strip());
        c.mustFail = mustFail;
        c.file("w.json", text).file("t.swf", SWF_TEXT).file("s.json", SWEEP_SCENARIO);
        c.names.add("w.json");
        c.args("sweep", "@DIR@/w.json");
        int mode = r.nextInt(6);
        if (mode == 0) {
            c.args("--list");
        } else {
            String out = "@DIR@/r.csv";
            c.args("--out-csv", out);
            c.outputs.add(out);
            String threads = pick(r, new String[] {"1", "2", "1", "0", "-1", "2147483647", "abc"});
            c.args("--threads", threads);
            if (!threads.equals("1") && !threads.equals("2") && !threads.equals("2147483647")) {
                c.mustFail = true;
                c.names.add("--threads");
            }
            if (mode == 1) {
                String v = pick(r, new String[] {"0", "1", "-1", "999999", "2147483648"});
                c.args("--variant", v);
                c.names.add("--variant");
                if (!v.equals("0") && !v.equals("1")) c.mustFail = true;
            }
        }
        return c;
    }

    // ---------------------------------------------------------------- options of the commands on good inputs

    Case options(SplittableRandom r) throws IOException {
        int cmd = r.nextInt(6);
        StringBuilder what = new StringBuilder();
        Case c = new Case("options", "");
        c.file("t.swf", SWF_TEXT).file("s.json", SWEEP_SCENARIO).file("w.json", SWEEP.replace("\"s.json\"", "\"s.json\""));
        String[] files = {"@DIR@/missing.json", "/dev/null", "@DIR@", "@DIR@/t.swf", "@DIR@/s.json", "@DIR@/empty"};
        if (r.nextInt(6) == 0) c.file("empty", "");
        switch (cmd) {
            case 0 -> {
                String trace = r.nextInt(3) == 0 ? pick(r, files) : "@DIR@/t.swf";
                c.args("simulate", "--trace", trace);
                c.names.addAll(List.of("missing.json", "/dev/null", "s.json", "empty", "--trace", "in"));
                if (!trace.equals("@DIR@/t.swf")) c.mustFail = true;
                what.append("--trace ").append(trace).append(' ');
                policyOptions(r, c, what);
                if (r.nextBoolean()) outputs(r, c, what, List.of("--out-swf", "--metrics-json", "--events-csv"));
            }
            case 1 -> {
                String s = r.nextInt(3) == 0 ? pick(r, files) : "@DIR@/s.json";
                c.args("run", s);
                c.names.addAll(List.of("missing.json", "null", "t.swf", "empty", "in"));
                if (!s.equals("@DIR@/s.json")) c.mustFail = true;
                what.append(s).append(' ');
                outputs(r, c, what, List.of("--metrics-json", "--events-csv", "--out-swf"));
            }
            case 2 -> {
                c.args("maintenance", "@DIR@/s.json");
                String o = r.nextBoolean() ? "--drain-horizon" : "--look-back";
                String v = pick(r, new String[] {"0", "60", "-1", "-3600", "9223372036854775807", "abc", "1h"});
                c.args(o, v);
                c.names.add(o);
                what.append(o).append(' ').append(v);
                boolean good = v.equals("60") || v.equals("0") || v.equals("1h");
                if (!good) c.mustFail = true;
            }
            case 3 -> {
                c.args("break-even", "@DIR@/s.json", "--png", "@DIR@/o.png");
                c.outputs.add("@DIR@/o.png");
                String[][] opts = {
                    {"--threads", "0", "-1", "abc", "2147483648"},
                    {"--bandwidth", "0:10:2", "-1:10:2", "10:1:2", "1:10:0", "1:10:-1", "1:10:100000", "NaN:10:2", "abc", "1:10"},
                    {"--image-size", "0:10:2", "-5:10:2", "1:10:0", "1:1e400:2", "1:10:2:3"},
                    {"--window-start", "-1", "abc", "9223372036854775807", "99999d"},
                    {"--look-back", "-1", "abc", "9223372036854775807"},
                };
                String[] o = opts[r.nextInt(opts.length)];
                String v = o[1 + r.nextInt(o.length - 1)];
                c.args(o[0], v);
                c.names.add(o[0]);
                c.mustFail = true;
                what.append(o[0]).append(' ').append(v);
            }
            case 4 -> {
                c.args("sweep", "@DIR@/w.json", "--out-csv", "@DIR@/r.csv");
                c.outputs.add("@DIR@/r.csv");
                boolean threads = r.nextBoolean();
                String v = threads ? pick(r, new String[] {"0", "-1", "-2147483648", "abc"})
                        : pick(r, new String[] {"-1", "-2147483648", "abc", "99"});
                c.args(threads ? "--threads" : "--variant", v);
                c.names.addAll(List.of("--threads", "--variant"));
                c.mustFail = true;
                what.append(c.args.get(c.args.size() - 2)).append(' ').append(v);
            }
            default -> {
                c.args("simulate", "--trace", "@DIR@/t.swf");
                String p = pick(r, new String[] {"0", "-1", "-2147483648", "2147483648", "99999999999", "1e3", "abc", ""});
                c.args("--procs", p);
                c.names.add("--procs");
                c.mustFail = true;
                what.append("--procs ").append(p);
            }
        }
        c.what = what.toString().strip();
        return c;
    }

    static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left for @TempDir
                }
            });
        }
    }
}
