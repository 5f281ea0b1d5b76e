package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep and collect commands end to end, in-process. */
class SweepCommandTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PreemptLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    static Path samples() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        return d.resolve("sample-clusters");
    }

    private Path sweepFile() throws IOException {
        Path trace = samples().resolve("traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz");
        return Files.writeString(dir.resolve("s.json"), "{\"formatVersion\": 1, \"name\": \"cli\", \"inputs\": [{\"trace\": \""
                + trace + "\", \"name\": \"kth\", \"maxJobs\": 150}], \"axes\": {\"policy\": [\"fcfs\", \"easy\", "
                + "\"conservative\"], \"alpha\": [\"original\", 1, 0.5]}}");
    }

    /** CSV lines without the last column (wall seconds, the only one that differs between runs). */
    static List<String> withoutWall(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void sweepWritesOneRowPerVariantInIdOrder() throws IOException {
        Path csv = dir.resolve("r.csv");
        Path json = dir.resolve("r.json");
        Outcome o = run("sweep", sweepFile().toString(), "--out-csv", csv.toString(), "--out-json", json.toString(),
                "--threads", "2");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("sweep cli: 9 variants; ran 9 on 2 threads in ");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("id,label,input,policy,mechanism,bandwidth_mbps,alpha,maintenance_start_s,p,load,nodes_added,jobs,"
                + "mean_wait_s,mean_bounded_slowdown,utilization,makespan_s,preempt_suspend,preempt_checkpoint,preempt_requeue,"
                + "preempt_kill,lost_node_hours,checkpoint_io_node_hours,wall_s");
        for (int i = 1; i <= 9; i++) assertThat(lines.get(i)).startsWith((i - 1) + ",kth policy=");
        assertThat(lines.get(5)).startsWith("4,kth policy=easy alpha=1,kth,easy,,,1,,,,,150,");
        assertThat(Files.readAllLines(json)).hasSize(9).allMatch(l -> l.startsWith("{\"id\":"));
    }

    @Test
    void resumeRunsOnlyTheMissingIds() throws IOException {
        Path sweep = sweepFile();
        Path csv = dir.resolve("r.csv");
        assertThat(run("sweep", sweep.toString(), "--out-csv", csv.toString()).code()).isZero();
        List<String> full = withoutWall(csv);
        List<String> lines = Files.readAllLines(csv);
        Files.writeString(csv, String.join("\n", lines.subList(0, 7)) + "\n" + lines.get(7).substring(0, 30));
        Outcome o = run("sweep", sweep.toString(), "--out-csv", csv.toString(), "--resume");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("9 variants; ran 3 (6 already done)");
        assertThat(withoutWall(csv)).isEqualTo(full);
    }

    @Test
    void oneVariantAndTheArrayTasksCollected() throws IOException {
        Path sweep = sweepFile();
        Path csv = dir.resolve("local.csv");
        assertThat(run("sweep", sweep.toString(), "--out-csv", csv.toString()).code()).isZero();

        Path array = dir.resolve("array");
        Path jar = Files.writeString(dir.resolve("preemptlab.jar"), "not really a jar");
        Outcome e = run("sweep", sweep.toString(), "--emit-slurm-array", array.toString(), "--jar", jar.toString());
        assertThat(e.code()).as(e.err()).isZero();
        String script = Files.readString(array.resolve("sweep.sbatch"));
        assertThat(script).contains("#SBATCH --array=0-8\n", "#SBATCH --cpus-per-task=1\n",
                "#SBATCH --output=" + array.toAbsolutePath() + "/logs/%A_%a.out\n", "-jar '" + jar.toAbsolutePath() + "' sweep '"
                        + sweep.toAbsolutePath() + "' --variant \"$id\" --out-json");
        assertThat(e.out()).contains("9 array tasks (0-8)");

        // what the array tasks do, all but task 6
        for (int id = 0; id < 9; id++) {
            if (id == 6) continue;
            Outcome t = run("sweep", sweep.toString(), "--variant", Integer.toString(id), "--out-json",
                    array.resolve("results/variant-" + id + ".json").toString());
            assertThat(t.code()).as(t.err()).isZero();
            assertThat(t.out()).startsWith("variant " + id + " (kth policy=");
        }
        Path merged = dir.resolve("merged.csv");
        Outcome c = run("collect", array.toString(), "--out-csv", merged.toString());
        assertThat(c.code()).isEqualTo(3);
        assertThat(c.err()).contains("collect: 1 of 9 variants have no result: 6 (");
        List<String> local = withoutWall(csv);
        assertThat(withoutWall(merged)).isEqualTo(local.stream().filter(l -> !l.startsWith("6,")).toList());

        assertThat(run("sweep", sweep.toString(), "--variant", "6", "--out-json",
                array.resolve("results/variant-6.json").toString()).code()).isZero();
        c = run("collect", array.toString(), "--out-csv", merged.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("9 of 9 variants");
        assertThat(withoutWall(merged)).isEqualTo(local);
    }

    @Test
    void theSmallSampleSweepRunsFully() throws IOException {
        Path csv = dir.resolve("c.csv");
        Outcome o = run("sweep", samples().resolve("sweeps/checkpoint-contention-mechanisms.json").toString(), "--out-csv",
                csv.toString());
        assertThat(o.code()).as(o.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(25);
        assertThat(lines.get(24)).startsWith("23,contention policy=conservative mechanism=kill bandwidth=1000,");
        // the mechanism shows in its column of preemptions: suspend variants suspend, kill variants kill
        assertThat(lines.stream().skip(1).filter(l -> l.contains("mechanism=suspend"))
                .allMatch(l -> !l.split(",")[16].equals("0"))).isTrue();
        assertThat(lines.stream().skip(1).filter(l -> l.contains("mechanism=kill"))
                .allMatch(l -> l.split(",")[16].equals("0") && !l.split(",")[19].equals("0"))).isTrue();
    }

    @Test
    void badInputIsOneClearLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"formatVersion\": 1, \"inputs\": [{\"scenario\": \""
                + samples().resolve("owner-pools.json") + "\"}], \"axes\": {\"bandwidth\": [100, 200, -5]}}");
        Outcome o = run("sweep", bad.toString(), "--out-csv", dir.resolve("x.csv").toString());
        assertThat(o.code()).isNotZero();
        assertThat(o.err().strip()).isEqualTo("preemptlab: bad.json: axes.bandwidth[2]: -5; must be positive (MB/s)");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();

        Outcome v = run("sweep", sweepFile().toString(), "--variant", "9", "--out-json", dir.resolve("v.json").toString());
        assertThat(v.err().strip()).isEqualTo("preemptlab: --variant 9: s.json has 9 variants, ids 0 to 8");
        Outcome n = run("sweep", sweepFile().toString());
        assertThat(n.err()).contains("give --out-csv R.csv and/or --out-json R.json");
        Outcome j = run("sweep", sweepFile().toString(), "--emit-slurm-array", dir.resolve("a").toString());
        assertThat(j.err().strip()).isEqualTo("preemptlab: --emit-slurm-array: PreemptLab is not running from a jar; "
                + "give --jar PATH (e.g. app/target/preemptlab.jar)");
        Outcome c = run("collect", dir.toString(), "--out-csv", dir.resolve("m.csv").toString());
        assertThat(c.code()).isNotZero();
        assertThat(c.err()).contains("has no sweep-array.json");
    }

    @Test
    void resumeRefusesTheResultsOfAnotherSweep() throws IOException {
        Path csv = dir.resolve("r.csv");
        assertThat(run("sweep", sweepFile().toString(), "--out-csv", csv.toString()).code()).isZero();
        String before = Files.readString(csv);
        Path other = Files.writeString(dir.resolve("o.json"), Files.readString(dir.resolve("s.json"))
                .replace("\"fcfs\", ", ""));
        Outcome o = run("sweep", other.toString(), "--out-csv", csv.toString(), "--resume");
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).startsWith("preemptlab: r.csv: id 0: is \"kth policy=fcfs alpha=original\" but variant 0 of the "
                + "sweep is \"kth policy=easy alpha=original\"; these results belong to another sweep");
        assertThat(Files.readString(csv)).isEqualTo(before);
    }

    @Test
    void listShowsIdsAndLabels() throws IOException {
        Outcome o = run("sweep", sweepFile().toString(), "--list");
        assertThat(o.out().lines()).hasSize(9).startsWith("0\tkth policy=fcfs alpha=original");
    }
}
