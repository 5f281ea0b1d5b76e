package org.preemptlab.backend.local;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.preemptlab.backend.BackendEvents;
import org.preemptlab.live.LiveBackend;
import org.preemptlab.live.Observation;
import org.preemptlab.live.ObservedKind;

/**
 * Plays the driver for backend tests: takes the backend's observations on the test thread, hands
 * them back through {@code deliver} and records what reached the engine.
 */
final class BackendProbe implements BackendEvents {

    record Done(int job, int segment, long time) {}

    final List<Observation> seen = new ArrayList<>();
    final List<Done> done = new ArrayList<>();
    /**
     * The thread that drives the backend: the last one to deliver through this probe (at first the one that made it).
     * A test with a time limit runs in a thread of its own (JUnit's SEPARATE_THREAD), not the one of its {@code @BeforeEach}
     * that may have made the probe: the check is that the engine hears of work done on the thread that delivers.
     */
    private volatile Thread owner = Thread.currentThread();
    private final LiveBackend backend;
    private long simTime;

    BackendProbe(LiveBackend backend) {
        this.backend = backend;
        backend.attach(this);
    }

    @Override
    public void workDone(int jobIndex, int segment, long time) {
        if (Thread.currentThread() != owner) throw new AssertionError("workDone called on " + Thread.currentThread().getName());
        done.add(new Done(jobIndex, segment, time));
    }

    /** Delivers observations until one matches, or fails after the timeout. */
    Observation await(Predicate<Observation> what, String description, long timeoutMillis) {
        owner = Thread.currentThread();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Observation o : seen) if (what.test(o)) return o;
        while (System.nanoTime() < deadline) {
            Observation o;
            try {
                o = backend.observations().poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (o == null) continue;
            seen.add(o);
            backend.deliver(o, ++simTime);
            if (what.test(o)) return o;
        }
        return fail("no observation \"" + description + "\" within " + timeoutMillis + " ms; seen: " + seen);
    }

    Observation await(int job, ObservedKind kind, long timeoutMillis) {
        return await(o -> o.job() == job && o.kind() == kind, kind.label() + " of job " + job, timeoutMillis);
    }

    /** Delivers whatever is queued now. */
    void drain() {
        owner = Thread.currentThread();
        Observation o;
        while ((o = backend.observations().poll()) != null) {
            seen.add(o);
            backend.deliver(o, ++simTime);
        }
    }

    static void awaitTrue(BooleanSupplier condition, String description, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("not true within " + timeoutMillis + " ms: " + description);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A key of a sample-job state file (e.g. done_us), or -1. */
    static long stateValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key + "=")) return Long.parseLong(line.substring(key.length() + 1).trim());
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    static String stateText(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key + "=")) return line.substring(key.length() + 1).trim();
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }
}
