package org.preemptlab.backend.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.StringJoiner;
import org.preemptlab.live.LiveClock;

/**
 * A stand-in for the app, run in a child JVM by {@link OrphanReapingTest}: starts jobs through
 * the local backend (one of them suspended, one with children), prints {@code READY <pgid>…},
 * then waits to be killed.
 */
public final class CrashingRunMain {

    private CrashingRunMain() {}

    public static void main(String[] args) throws Exception {
        Path runs = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        LocalProcessBackend backend = new LocalProcessBackend(LocalBackendConfig.defaults(runs)
                .withGraceTime(Duration.ofMillis(500))
                .withCommand("forker", "sleep 1000 & sleep 1000 & exec {jobScript} --work {work} --scale {scale} --state {state} --name {name}"));
        backend.attach((job, segment, time) -> { });
        backend.bind(LiveClock.startingNow(0, 60));
        StringJoiner pgids = new StringJoiner(" ", "READY ", "");
        for (int i = 0; i < jobs; i++) {
            TestJob job = TestJob.of(i, "orphan" + i, 100_000, i == 1 ? "forker" : "normal");
            backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 100_000);
            if (i == 2) backend.suspend(job, 0);
            pgids.add(Long.toString(backend.processGroup(job).orElseThrow()));
        }
        System.out.println(pgids);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
