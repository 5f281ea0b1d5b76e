package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep run as a Slurm job array on a real local Slurm (installer/slurm/start-local-slurm.sh),
 * through the built jar: emit the array, sbatch it, wait for the tasks, collect, and compare with
 * a local run of the same sweep (every column but the wall time). Skipped, with the reason, unless
 * {@code PREEMPTLAB_SLURM_DIR} names a running sandbox and {@code app/target/preemptlab.jar} exists.
 *
 * <p>Run: {@code PREEMPTLAB_SLURM_DIR=DIR ./mvnw -pl app test -Dtest='*IT' -Dsurefire.failIfNoSpecifiedTests=false}
 * after {@code ./mvnw package}.
 */
@Tag("slurm")
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SweepSlurmArrayIT {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    private static Result exec(Map<String, String> env, List<String> cmd, long timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("it-out", ".txt");
        Path err = Files.createTempFile("it-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not end within " + timeoutSeconds + " s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    private static Path repoRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        return d;
    }

    @Test
    void arrayOnLocalSlurmEqualsTheLocalSweep() throws Exception {
        String slurmDir = System.getenv("PREEMPTLAB_SLURM_DIR");
        assumeThat(slurmDir).as("PREEMPTLAB_SLURM_DIR is not set: Slurm array sweep test skipped "
                + "(start a sandbox with installer/slurm/start-local-slurm.sh DIR and export PREEMPTLAB_SLURM_DIR=DIR)").isNotBlank();
        Path root = repoRoot();
        Path jar = root.resolve("app/target/preemptlab.jar");
        assumeThat(Files.isRegularFile(jar)).as(jar + " is absent: build it first (./mvnw package); Slurm array sweep test skipped")
                .isTrue();
        Map<String, String> env = Map.of("SLURM_CONF", Path.of(slurmDir, "slurm.conf").toString());
        Result sinfo = exec(env, List.of("sinfo", "-h", "-o", "%D %t"), 30);
        assumeThat(sinfo.code()).as("sinfo fails (" + sinfo.err().strip() + "): Slurm array sweep test skipped").isZero();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path trace = root.resolve("sample-clusters/traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz");
        Path sweep = Files.writeString(dir.resolve("it-sweep.json"), "{\"formatVersion\": 1, \"name\": \"it\", \"inputs\": [{\"trace\": \""
                + trace + "\", \"name\": \"kth\", \"maxJobs\": 300}], \"axes\": {\"policy\": [\"fcfs\", \"easy\", "
                + "\"aggressive-checkpoint\"], \"alpha\": [\"original\", 0.5]}}");
        Path array = dir.resolve("array");

        Result emit = exec(env, List.of(java, "-jar", jar.toString(), "sweep", sweep.toString(), "--emit-slurm-array",
                array.toString()), 120);
        assertThat(emit.code()).as(emit.err()).isZero();
        assertThat(Files.readString(array.resolve("sweep.sbatch"))).contains("#SBATCH --array=0-5\n");

        Result sbatch = exec(env, List.of("sbatch", "--parsable", array.resolve("sweep.sbatch").toString()), 60);
        assertThat(sbatch.code()).as(sbatch.err()).isZero();
        String jobId = sbatch.out().strip().split(";")[0];
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(420);
            while (true) {
                Result q = exec(env, List.of("squeue", "-h", "-j", jobId, "-o", "%i %T"), 30);
                if (q.code() == 0 && q.out().isBlank()) break; // every task has left the queue
                if (System.nanoTime() > deadline) throw new AssertionError("array " + jobId + " still queued: " + q.out());
                Thread.sleep(2000);
            }
        } finally {
            exec(env, List.of("scancel", jobId), 30);
        }

        Path merged = dir.resolve("slurm.csv");
        Result collect = exec(env, List.of(java, "-jar", jar.toString(), "collect", array.toString(), "--out-csv",
                merged.toString()), 120);
        List<String> logs = new ArrayList<>();
        try (var s = Files.list(array.resolve("logs"))) {
            for (Path p : s.toList()) logs.add(p.getFileName() + ": " + Files.readString(p).strip());
        }
        assertThat(collect.code()).as(collect.err() + "\nlogs: " + logs).isZero();

        Path local = dir.resolve("local.csv");
        var o = SweepCommandTest.run("sweep", sweep.toString(), "--out-csv", local.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(SweepCommandTest.withoutWall(merged)).hasSize(7).isEqualTo(SweepCommandTest.withoutWall(local));
    }
}
