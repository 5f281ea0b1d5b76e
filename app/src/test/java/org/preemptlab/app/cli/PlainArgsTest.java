package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A plain `simulate` or `run` command line runs without picocli ({@link PlainArgs}): it must mean exactly what
 * picocli makes of it (same fields, same defaults), and every line that is not plain — help, an error,
 * an unusual form — must be left to picocli, so its output and messages stay the same.
 */
class PlainArgsTest {

    @TempDir
    Path dir;

    /** The fields a `simulate` run reads, as text. */
    private static String fields(SimulateCommand c) {
        PolicyOptions p = c.policy;
        return String.join("|", String.valueOf(c.trace), String.valueOf(c.procs), String.valueOf(c.outSwf),
                String.valueOf(c.metricsJson), String.valueOf(c.eventsCsv), p.policy, Double.toString(p.p),
                Long.toString(p.threshold), Long.toString(p.checkpointSeconds), String.valueOf(p.restartSeconds),
                Boolean.toString(p.killInstead));
    }

    private static SimulateCommand viaPicocli(String... args) {
        SimulateCommand c = new SimulateCommand();
        new CommandLine(c).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        return c;
    }

    private String[] line(String... rest) {
        List<String> all = new ArrayList<>(List.of("simulate"));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    @Test
    void plainLinesMeanWhatPicocliMakesOfThem() throws IOException {
        String trace = Files.writeString(dir.resolve("t.swf"), "; MaxProcs: 4\n").toString();
        String out = dir.resolve("out.swf").toString();
        List<String[]> lines = List.of(
                line("--trace", trace),
                line("--trace", trace, "--policy", "easy"),
                line("--policy", "fcfs", "--trace", trace, "--procs", "64"),
                line("--trace=" + trace, "--procs=8", "--policy=conservative"),
                line("--trace", trace, "--policy", "aggressive-checkpoint", "--p", "0.5", "--threshold", "1h",
                        "--checkpoint-seconds", "90", "--restart-seconds", "30", "--kill-instead"),
                line("--trace", trace, "--out-swf", out, "--metrics-json", dir.resolve("m.json").toString(),
                        "--events-csv", dir.resolve("e.csv").toString()),
                line("--trace", trace, "--threshold", " 15m"),
                line("--trace", "no such file.swf", "--policy", "no-such-policy"));
        for (String[] args : lines) {
            SimulateCommand plain = SimulateCommand.plain(args);
            assertThat(plain).as(String.join(" ", args)).isNotNull();
            assertThat(fields(plain)).as(String.join(" ", args)).isEqualTo(fields(viaPicocli(args)));
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() throws IOException {
        String trace = Files.writeString(dir.resolve("t.swf"), "; MaxProcs: 4\n").toString();
        Files.writeString(dir.resolve("args.txt"), "--trace " + trace + "\n");
        List<String[]> lines = List.of(
                line(),                                        // --trace is required
                line("--help"), line("-h"), line("--version"), line("-V"),
                line("--trace", trace, "--help"),
                line("--trace"),                               // no value
                line("--trace", trace, "--trace", trace),      // given twice
                line("--trace", trace, "--bogus", "1"),        // unknown option
                line("--trace", trace, "extra"),               // no positional argument
                line("--trace", trace, "--"),
                line("@" + dir.resolve("args.txt")),           // an argument file
                line("--trace", trace, "--procs", "0"),        // a value picocli refuses
                line("--trace", trace, "--procs", "-4"),
                line("--trace", trace, "--procs", "lots"),
                line("--trace", trace, "--p", "2"),
                line("--trace", trace, "--threshold", "-1"),
                line("--trace", trace, "--out-swf", dir.toString()), // a directory
                line("--trace", trace, "--kill-instead=true"),
                line("--trace", ""),
                line("--trace", "--procs", "4"),
                line("--trace", trace, "--procs="));
        for (String[] args : lines) assertThat(SimulateCommand.plain(args)).as(String.join(" ", args)).isNull();
    }

    private static String fields(RunCommand c) {
        return String.join("|", String.valueOf(c.scenario), String.valueOf(c.metricsJson), String.valueOf(c.eventsCsv),
                String.valueOf(c.outSwf), c.backend, Double.toString(c.timeScale), String.valueOf(c.slurmConf),
                c.slurmPartition, String.valueOf(c.jobDir));
    }

    @Test
    void plainRunLinesMeanWhatPicocliMakesOfThem() {
        String m = dir.resolve("m.json").toString();
        List<String[]> lines = List.of(
                new String[] {"run", "s.json"},
                new String[] {"run", "--metrics-json", m, "s.json", "--events-csv", dir.resolve("e.csv").toString()},
                new String[] {"run", "s.json", "--out-swf=" + dir.resolve("o.swf"), "--backend", "slurm",
                        "--slurm-conf", "/etc/slurm.conf", "--slurm-partition", "high", "--job-dir", "/tmp/j"});
        for (String[] args : lines) {
            RunCommand plain = RunCommand.plain(args);
            assertThat(plain).as(String.join(" ", args)).isNotNull();
            RunCommand picocli = new RunCommand();
            new CommandLine(picocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));
            assertThat(fields(plain)).as(String.join(" ", args)).isEqualTo(fields(picocli));
        }
        for (String[] args : List.<String[]>of(new String[] {"run"}, new String[] {"run", "a.json", "b.json"},
                new String[] {"run", "s.json", "--time-scale", "10"}, new String[] {"run", "--help"},
                new String[] {"run", "s.json", "--backend"})) {
            assertThat(RunCommand.plain(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void simulateAndRunHaveAPlainPath() {
        assertThat(PreemptLabCommand.plain(new String[] {"simulate", "--trace", "x.swf"})).isInstanceOf(SimulateCommand.class);
        assertThat(PreemptLabCommand.plain(new String[] {"run", "x.json"})).isInstanceOf(RunCommand.class);
        assertThat(PreemptLabCommand.plain(new String[] {"bench", "--trace", "x.swf"})).isNull();
        assertThat(PreemptLabCommand.plain(new String[0])).isNull();
    }

    /** Run through {@link PreemptLabCommand#execute}: a plain line and the same line in picocli's form agree. */
    @Test
    void aPlainRunAndAPicocliRunPrintTheSame() throws IOException {
        StringBuilder swf = new StringBuilder("; MaxProcs: 8\n");
        for (int i = 1; i <= 40; i++) swf.append(i).append(' ').append(i * 10).append(" -1 100 4 -1 -1 4 200 -1 1 1 1 1 1 1 -1 -1\n");
        String trace = Files.writeString(dir.resolve("t.swf"), swf).toString();
        String plainCsv = dir.resolve("plain.csv").toString();
        String otherCsv = dir.resolve("other.csv").toString();
        StringWriter plainErr = new StringWriter();
        int plain = PreemptLabCommand.execute(line("--trace", trace, "--events-csv", plainCsv),
                new PrintWriter(new StringWriter(), true), new PrintWriter(plainErr, true));
        // `--` before nothing is not plain: picocli parses this one
        StringWriter otherErr = new StringWriter();
        int other = PreemptLabCommand.execute(line("--trace", trace, "--events-csv", otherCsv, "--"),
                new PrintWriter(new StringWriter(), true), new PrintWriter(otherErr, true));
        assertThat(plain).isZero();
        assertThat(other).isZero();
        assertThat(Files.readString(Path.of(plainCsv))).isEqualTo(Files.readString(Path.of(otherCsv))).contains("submit");
    }

    @Test
    void aFailingPlainRunReportsAsPicocliDoes() {
        StringWriter plainErr = new StringWriter();
        int plain = PreemptLabCommand.execute(line("--trace", dir.resolve("missing.swf").toString()),
                new PrintWriter(new StringWriter(), true), new PrintWriter(plainErr, true));
        StringWriter otherErr = new StringWriter();
        int other = PreemptLabCommand.execute(line("--trace", dir.resolve("missing.swf").toString(), "--"),
                new PrintWriter(new StringWriter(), true), new PrintWriter(otherErr, true));
        assertThat(plain).isEqualTo(other).isEqualTo(2);
        assertThat(plainErr.toString()).isEqualTo(otherErr.toString()).startsWith("preemptlab: ").contains("missing.swf");
    }
}
