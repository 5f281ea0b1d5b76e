import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.zip.GZIPOutputStream;
import org.preemptlab.job.JobSpec;
import org.preemptlab.workload.WorkloadGenerator;

/**
 * Writes the 1 M-job synthetic trace of docs/performance.md (issue 16): `bench`'s synthetic workload,
 * {@code WorkloadGenerator.loaded(1000000, 1024, 0.85, 42)}, as a gzipped SWF file on 1,024 processors
 * (job numbers = the generator's + 1, as the file first measured had them). Run from the repository root:
 * {@code java -cp app/target/preemptlab.jar docs/Synth1m.java /tmp/synth1m.swf.gz}
 * (zcat of the result: SHA-256 0b142f89…8cc43e, the file measured since 17:12 UTC on 6 December).
 */
public class Synth1m {
    public static void main(String[] args) throws Exception {
        var jobs = WorkloadGenerator.loaded(1_000_000, 1024, 0.85, 42).generate();
        try (var w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(new FileOutputStream(args[0])))))) {
            w.println("; MaxProcs: 1024");
            w.println("; MaxNodes: 1024");
            for (JobSpec j : jobs) {
                int p = j.nodes() * j.coresPerNode();
                w.println((j.id() + 1) + " " + j.submit() + " -1 " + j.runtime() + " " + p + " -1 -1 " + p + " "
                        + j.estimate() + " -1 1 -1 -1 -1 -1 -1 -1 -1");
            }
        }
    }
}
