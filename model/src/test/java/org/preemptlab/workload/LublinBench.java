package org.preemptlab.workload;

import java.util.List;
import org.preemptlab.job.JobSpec;

/**
 * Not a test: times the generation of 1,000,000 Lublin–Feitelson jobs with Tsafrir estimates
 * (best of 5 after 2 warm-ups). Run:
 * {@code java -cp model/target/classes:model/target/test-classes org.preemptlab.workload.LublinBench}.
 */
public final class LublinBench {

    private LublinBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        double best = Double.MAX_VALUE;
        long check = 0;
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            List<JobSpec> jobs = LublinModel.of(n, 1024, true, round).generate();
            double s = (System.nanoTime() - t0) / 1e9;
            check += jobs.get(jobs.size() - 1).submit();
            if (round >= 2) best = Math.min(best, s);
            System.out.printf("round %d: %,d jobs in %.3f s%n", round, jobs.size(), s);
        }
        System.out.printf("best: %.3f s for %,d jobs (checksum %d)%n", best, n, check);
    }
}
