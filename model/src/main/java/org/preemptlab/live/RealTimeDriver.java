package org.preemptlab.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * Drives a {@link Simulation} in wall-clock time: simulated time advances {@code scale} seconds
 * per real second. The loop, on the thread that calls {@link #run()}:
 * <ol>
 *   <li>drains what the backend observed into the engine (wall time mapped to simulated time,
 *       never before the engine's now);</li>
 *   <li>steps the engine while its next known event is due;</li>
 *   <li>otherwise waits until the next known event is due or an observation arrives.</li>
 * </ol>
 * The engine is touched only on this thread. {@link #stop()} (any thread) ends the run; either
 * way the backend is closed at the end, which ends every process or Slurm job it started.
 *
 * <p>The driver measures how late things happen ({@link #delays()}): each instant the engine
 * applies against the wall instant it was due, and each job's real end against the end the
 * engine's books give it. On a busy machine these delays are what a live run may differ by from
 * the emulated one.
 *
 * <p>Real time is a {@link WallClock}: the system clock, or in tests one the test advances.
 */
public final class RealTimeDriver {

    /** Longest single wait, so that {@link #stop()} and the deadline are noticed promptly. */
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Simulation simulation;
    private final LiveBackend backend;
    private final double scale;
    private final LiveListener listener;
    private final Duration deadline;
    private final WallClock wall;
    private final List<ObservedEvent> observed = Collections.synchronizedList(new ArrayList<>());
    private final List<Delay> delays = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopRequested;
    private volatile LiveClock clock;
    private volatile Thread driverThread;
    private long wallNanos;

    /**
     * @param simulation a simulation whose configured backend is {@code backend}
     * @param scale      simulated seconds per real second (60: one simulated minute per second)
     * @param deadline   the longest the run may take in real time (then it fails), or null
     */
    public RealTimeDriver(Simulation simulation, LiveBackend backend, double scale, LiveListener listener, Duration deadline) {
        this(simulation, backend, scale, listener, deadline, WallClock.SYSTEM);
    }

    /** @param wall the real time to follow ({@link WallClock#SYSTEM} but in tests) */
    public RealTimeDriver(Simulation simulation, LiveBackend backend, double scale, LiveListener listener, Duration deadline,
            WallClock wall) {
        this.wall = Objects.requireNonNull(wall, "wall");
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.backend = Objects.requireNonNull(backend, "backend");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("The time scale (" + scale + ") must be a positive number of simulated seconds per real second.\n"
                    + "Maybe use 60 (one simulated minute per real second).");
        }
        this.scale = scale;
        this.listener = listener == null ? LiveListener.NONE : listener;
        this.deadline = deadline;
    }

    public RealTimeDriver(Simulation simulation, LiveBackend backend, double scale) {
        this(simulation, backend, scale, LiveListener.NONE, null);
    }

    /**
     * How late something happened in real time.
     *
     * @param what      {@link #STEP}: the engine applied an instant late; {@link #END}: a job's real end came after its due end
     * @param job       the job (for {@link #END}), or -1
     * @param due       the simulated time it was due
     * @param lateNanos real nanoseconds it came after its due wall instant (≥ 0)
     */
    public record Delay(String what, int job, long due, long lateNanos) {

        public static final String STEP = "step";
        public static final String END = "end";

        /** The delay in simulated seconds at {@code scale}. */
        public double simSeconds(double scale) {
            return lateNanos * scale / 1e9;
        }
    }

    /**
     * Runs until every job has ended or {@link #stop()} is called; closes the backend in every case.
     *
     * @return the result so far (complete unless stopped)
     * @throws LiveRunException if the run overran its deadline (a job that fails on its own ends FAILED; the run goes on)
     */
    public SimulationResult run() {
        driverThread = Thread.currentThread();
        long wallStart = wall.nanoTime();
        try {
            simulation.begin();
            long first = simulation.nextEventTime();
            LiveClock c = LiveClock.startingNow(wall, first == Long.MAX_VALUE ? 0 : first, scale);
            clock = c;
            backend.bind(c);
            long deadlineNanos = deadline == null ? Long.MAX_VALUE : wallStart + deadline.toNanos();
            while (!stopRequested && !simulation.isFinished()) {
                drainObservations();
                long next = simulation.nextEventTime();
                if (next != Long.MAX_VALUE && next <= c.simNow()) {
                    long late = wall.nanoTime() - c.exactWallNanos(next);
                    if (late > 0) delays.add(new Delay(Delay.STEP, -1, next, late));
                    simulation.step();
                    listener.stepped(simulation);
                    continue;
                }
                long nowNanos = wall.nanoTime();
                if (nowNanos > deadlineNanos) {
                    throw new LiveRunException("The live run overran its deadline (" + deadline + ") at simulated time "
                            + c.simNow() + " (engine at " + simulation.now() + ").\nMaybe raise the time scale or the deadline.");
                }
                long wait = next == Long.MAX_VALUE ? MAX_WAIT_NANOS : Math.min(MAX_WAIT_NANOS, c.toWallNanos(next) - nowNanos);
                if (wait <= 0) continue;
                Observation o = wall.poll(backend.observations(), wait);
                if (o != null) deliver(o);
            }
            drainObservations();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        } finally {
            backend.close();
            // what the backend saw while closing (kills, exits) still belongs to the record
            drainAfterClose();
            wallNanos = wall.nanoTime() - wallStart;
            driverThread = null;
        }
        return simulation.result(wallNanos);
    }

    /** Ends the run (from any thread): the loop exits within ~0.1 s and closes the backend. */
    public void stop() {
        stopRequested = true;
    }

    public boolean isStopped() {
        return stopRequested;
    }

    /** What the backend really saw, in order (a copy; safe from any thread). */
    public List<ObservedEvent> observed() {
        synchronized (observed) {
            return List.copyOf(observed);
        }
    }

    /** How late things happened so far, in the order they were seen (a copy; safe from any thread). */
    public List<Delay> delays() {
        synchronized (delays) {
            return List.copyOf(delays);
        }
    }

    /** The wall-to-simulated mapping of the current run, or null before it began. */
    public LiveClock clock() {
        return clock;
    }

    public double scale() {
        return scale;
    }

    /** Real duration of the last run, ns. */
    public long wallNanos() {
        return wallNanos;
    }

    private void drainObservations() {
        Observation o;
        while ((o = backend.observations().poll()) != null) deliver(o);
    }

    private void drainAfterClose() {
        Observation o;
        while ((o = backend.observations().poll()) != null) record(o, Math.max(simulation.now(), clock == null ? 0 : clock.toSim(o.wallNanos())));
    }

    private void deliver(Observation o) {
        long simTime = Math.max(simulation.now(), clock.toSim(o.wallNanos()));
        ObservedEvent event = record(o, simTime);
        long due = backend.dueEnd(o.job());
        // a job that fails on its own ends FAILED in the engine; the run goes on
        if (backend.deliver(o, simTime) == LiveBackend.Delivery.REPORTED && due != Long.MIN_VALUE) {
            long late = o.wallNanos() - clock.exactWallNanos(due);
            if (late > 0) delays.add(new Delay(Delay.END, o.job(), due, late));
        }
        listener.observed(event);
    }

    private ObservedEvent record(Observation o, long simTime) {
        long wallMillis = clock == null ? 0 : TimeUnit.NANOSECONDS.toMillis(o.wallNanos() - clock.wallStartNanos());
        ObservedEvent event = new ObservedEvent(simTime, wallMillis, o.kind(), o.job(), o.launch(), o.exitCode(), o.detail());
        observed.add(event);
        return event;
    }
}
