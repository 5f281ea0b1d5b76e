package org.preemptlab.sweep;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * Runs a sweep's variants on a bounded pool of threads (one simulation per thread at a time) and
 * hands each finished row to a sink as soon as it is done. Rows arrive in completion order; the
 * values do not depend on the number of threads (each run is deterministic), only the wall time does.
 */
public final class SweepRunner {

    /** Where finished rows go; called from the runner's threads, one row at a time. */
    @FunctionalInterface
    public interface RowSink {
        void accept(SweepRow row) throws IOException;
    }

    private SweepRunner() {}

    /** Runs one variant in the calling thread. */
    public static SweepRow run(SweepSpec spec, Variant v) {
        Scenario s = VariantScenario.of(spec.inputs().get(v.input()).scenario(), v);
        long t0 = System.nanoTime();
        SimulationResult r = new Simulation(s.toConfig(false)).run();
        double wall = (System.nanoTime() - t0) / 1e9;
        return SweepRow.of(v, r, wall);
    }

    /**
     * Runs the variants with at most {@code threads} at once. The first failure (a variant that
     * cannot run, a row that cannot be written) stops the sweep: no new variant starts, and it is
     * thrown once the running ones have ended; the rows finished before are in the sink.
     *
     * @param progress told (done, total) after each row
     */
    public static void run(SweepSpec spec, List<Variant> variants, int threads, RowSink sink, ProgressListener progress)
            throws IOException {
        if (threads < 1) throw new IllegalArgumentException("threads is " + threads + "; must be ≥ 1");
        if (variants.isEmpty()) return;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, variants.size()), r -> {
            Thread t = new Thread(r, "sweep");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        Object progressLock = new Object();
        String source = String.valueOf(spec.file().getFileName());
        progress.progress(0, variants.size());
        for (Variant v : variants) {
            pool.execute(() -> {
                if (failure.get() != null) return;
                try {
                    SweepRow row = run(spec, v);
                    sink.accept(row);
                    synchronized (progressLock) {
                        progress.progress(done.incrementAndGet(), variants.size());
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, SweepException.of(source, "variant " + v.id(),
                            v.label() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())));
                }
            });
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                // keep waiting: variants of a large trace may take long
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("sweep interrupted", e);
        }
        Exception f = failure.get();
        if (f instanceof IOException io) throw io;
        if (f != null) throw new IllegalStateException(f);
    }
}
