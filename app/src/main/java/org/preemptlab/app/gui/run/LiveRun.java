package org.preemptlab.app.gui.run;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.preemptlab.live.LiveBackend;
import org.preemptlab.live.LiveClock;
import org.preemptlab.live.LiveListener;
import org.preemptlab.live.RealTimeDriver;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * One live run: a {@link RealTimeDriver} on the thread that calls {@link #run()}, which after
 * every instant the engine applies publishes a {@link LiveSnapshot} (copied on that thread). Other
 * threads only read {@link #latest()} and {@link #simNow()} and may call {@link #stop()}: they never
 * touch the engine.
 */
public final class LiveRun {

    private final String title;
    private final SimulationConfig config;
    private final LiveSettings settings;
    private final AtomicReference<LiveSnapshot> latest = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile RealTimeDriver driver;
    private volatile boolean stopRequested;
    private volatile long stoppedAt = Long.MIN_VALUE;
    private volatile long endedAt = Long.MIN_VALUE;

    public LiveRun(String title, SimulationConfig config, LiveSettings settings) {
        this.title = Objects.requireNonNull(title, "title");
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public String title() {
        return title;
    }

    public LiveSettings settings() {
        return settings;
    }

    /**
     * Opens the backend and runs in real time until every job has ended or {@link #stop()} is
     * called; the backend is closed in every case (every process or Slurm job it started ends).
     *
     * @return the result so far (complete unless stopped)
     */
    public SimulationResult run() throws IOException {
        try {
            if (stopRequested) throw new java.util.concurrent.CancellationException("stopped before it began");
            LiveBackend backend = settings.open(config.cluster());
            Simulation simulation;
            RealTimeDriver d;
            try {
                simulation = new Simulation(config.withBackend(backend));
                long[] steps = {0};
                d = new RealTimeDriver(simulation, backend, settings.timeScale(), new LiveListener() {
                    @Override
                    public void stepped(Simulation s) {
                        latest.set(LiveSnapshot.of(title, s, ++steps[0]));
                    }
                }, null);
                latest.set(LiveSnapshot.of(title, simulation, 0));
            } catch (RuntimeException e) {
                backend.close();
                throw e;
            }
            driver = d;
            if (stopRequested) d.stop(); // stop() came before the driver was published
            try {
                return d.run();
            } finally {
                long engineNow = simulation.now() == Long.MIN_VALUE ? 0 : simulation.now();
                endedAt = Math.max(engineNow, stoppedAt);
                LiveSnapshot last = latest.get();
                latest.set(LiveSnapshot.of(title, simulation, last == null ? 1 : last.steps() + 1));
            }
        } finally {
            ended.countDown();
        }
    }

    /** Ends the run from any thread: the driver closes the backend within a fraction of a second. */
    public void stop() {
        if (!stopRequested) {
            LiveClock c = clock();
            if (c != null) stoppedAt = c.simNow();
        }
        stopRequested = true;
        RealTimeDriver d = driver;
        if (d != null) d.stop();
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    /** Waits until {@link #run()} has returned (the backend closed); false if it took longer than {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /** What the run has done so far, or null before it began. */
    public LiveSnapshot latest() {
        return latest.get();
    }

    /**
     * Simulated "now": the live clock while running, where the run was stopped when it was
     * stopped, the engine's time after it ended otherwise; {@link Long#MIN_VALUE} before it began.
     */
    public long simNow() {
        if (hasEnded()) return endedAt;
        if (stopRequested && stoppedAt != Long.MIN_VALUE) return stoppedAt;
        LiveClock c = clock();
        return c == null ? Long.MIN_VALUE : c.simNow();
    }

    private LiveClock clock() {
        RealTimeDriver d = driver;
        return d == null ? null : d.clock();
    }
}
