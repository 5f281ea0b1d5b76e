package org.preemptlab.app.gui;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.run.CursorMetrics;
import org.preemptlab.app.gui.run.JobFacts;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.app.gui.run.RunViewModel;

/**
 * {@code --smoke-test}: opens the real main window on the default scenario (or the file given),
 * lets it simulate as always (in the background, shown by the run view), moves the run view to the
 * end, checks that the window shows the finished run with every job ended, renders each page
 * once, prints one summary line on stdout and exits 0. An error dialog, an uncaught exception on
 * any thread or the timeout ({@value #TIMEOUT_PROPERTY}, seconds, default 120) print the reason
 * on stderr and exit non-zero. Settings (recent files, autosave) go to a temporary directory, so a
 * smoke test neither reads nor changes the user's.
 *
 * <p>Timings on stderr, one line: the first frame and the finished run shown (the first layout pulse
 * after the run view got the run, before any other page is rendered), in seconds after the JVM
 * started, then when every page had been rendered. With {@value #OPEN_IN_WINDOW_PROPERTY}{@code =true}
 * and a file, the window first shows the default scenario's run as at a normal start, then opens the
 * file as File ▸ Open does once its dialog is answered; the line then also gives the seconds and the
 * process's CPU seconds (every thread: JIT compilers and GC too) from that open to the file's run
 * shown: the time a user waits for a trace in a window that is already up.
 */
public final class SmokeTest implements Notifier {

    /** Start of the line printed on success. */
    public static final String OK = "preemptlab smoke test OK: ";
    /** Start of the line printed on failure. */
    public static final String FAILED = "preemptlab smoke test FAILED: ";
    public static final String TIMEOUT_PROPERTY = "preemptlab.smoke.timeout";
    /** {@code true}: open the file in the running window after the default scenario's run is shown. */
    public static final String OPEN_IN_WINDOW_PROPERTY = "preemptlab.smoke.openInWindow";
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_TIMEOUT = 3;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** After the outcome, how long the toolkit may take to shut down before the JVM is ended anyway. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(20);

    private final PrintStream out;
    private final PrintStream err;
    private final IntConsumer exitCode;
    private final Duration timeout;
    private final long startNanos = System.nanoTime();
    /** Seconds from the JVM's start to the window's first layout pulse. */
    private volatile double firstFrame = Double.NaN;
    /** Seconds from the JVM's start to the first layout pulse with the finished run in the run view. */
    private volatile double runShown = Double.NaN;
    /** The process's CPU seconds (all threads) at that moment. */
    private volatile double runShownCpu = Double.NaN;
    /** The file opened in the running window ({@link #OPEN_IN_WINDOW_PROPERTY}), else null. */
    private Path openLater;
    /** When that open was asked for: {@link System#nanoTime()} and the process's CPU nanoseconds (-1: unknown). */
    private long openedNanos;
    private long openedCpu = -1;
    private double openToShown = Double.NaN;
    private double openToShownCpu = Double.NaN;
    private final AtomicBoolean over = new AtomicBoolean();
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile String step = "starting the window";
    private volatile int code = EXIT_FAILED;
    private PlannerShell shell;
    private Stage stage;
    private Path home;

    /**
     * @param exitCode receives the exit code once (before the toolkit is asked to exit)
     */
    public SmokeTest(PrintStream out, PrintStream err, IntConsumer exitCode, Duration timeout) {
        this.out = out;
        this.err = err;
        this.exitCode = exitCode;
        this.timeout = timeout;
    }

    /** The timeout from {@value #TIMEOUT_PROPERTY}; a bad value is reported and the default used. */
    public static Duration timeoutFromProperties(PrintStream err) {
        String v = System.getProperty(TIMEOUT_PROPERTY);
        if (v == null) return DEFAULT_TIMEOUT;
        try {
            long s = Long.parseLong(v.trim());
            if (s > 0) return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            // reported below
        }
        err.println("preemptlab: -D" + TIMEOUT_PROPERTY + "=" + v + " is not a positive number of seconds; using "
                + DEFAULT_TIMEOUT.toSeconds());
        return DEFAULT_TIMEOUT;
    }

    /** On the FX thread, instead of the normal start-up. */
    public void start(Stage stage, TaskRunner runner, Optional<Path> file) {
        this.stage = stage;
        Thread.UncaughtExceptionHandler handler = (t, e) -> fail("uncaught exception on thread " + t.getName() + ": " + e, e);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
        startWatchdog();
        try {
            home = Files.createTempDirectory("preemptlab-smoke");
        } catch (IOException e) {
            fail("cannot create a temporary settings directory: " + e.getMessage(), e);
            return;
        }
        shell = new PlannerShell(stage, runner, this, home);
        MainViewModel vm = shell.viewModel();
        vm.setAutoPlay(true); // as the app: the new run starts playing
        openLater = file.isPresent() && Boolean.getBoolean(OPEN_IN_WINDOW_PROPERTY) ? file.get() : null;
        vm.runProperty().addListener((o, a, run) -> {
            if (run == null) return;
            if (openLater != null && openedNanos == 0) { // the default scenario's run: now the user opens the file
                Platform.runLater(() -> {
                    step = "opening and simulating " + openLater + " in the running window";
                    openedCpu = processCpuNanos();
                    openedNanos = System.nanoTime();
                    vm.openFile(openLater);
                });
                return;
            }
            // after the window's own listener has put the run view up: the next layout pulse lays out the run
            whenLaidOut(() -> {
                runShown = sinceJvmStart();
                long cpu = processCpuNanos();
                if (cpu >= 0) runShownCpu = cpu / 1e9;
                if (openedNanos != 0) {
                    openToShown = (System.nanoTime() - openedNanos) / 1e9;
                    if (cpu >= 0 && openedCpu >= 0) openToShownCpu = (cpu - openedCpu) / 1e9;
                }
                Platform.runLater(() -> check(run));
            });
        });
        stage.show();
        javafx.scene.Scene scene = stage.getScene();
        if (scene != null) {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                firstFrame = sinceJvmStart();
                scene.removePostLayoutPulseListener(once[0]);
            };
            scene.addPostLayoutPulseListener(once[0]);
        }
        step = openLater == null ? file.map(f -> "opening and simulating " + f).orElse("simulating the default scenario")
                : "simulating the default scenario before opening " + openLater;
        shell.start(openLater != null ? null : file.map(Path::toString).orElse(null));
    }

    /** Runs {@code then} once, right after the scene's next layout pulse. */
    private void whenLaidOut(Runnable then) {
        javafx.scene.Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** CPU nanoseconds of this process so far (all threads), or -1 where the platform does not say. */
    static long processCpuNanos() {
        try {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
        } catch (LinkageError | RuntimeException e) {
            // a runtime image without jdk.management
        }
        return -1;
    }

    private void check(RunViewModel run) {
        if (over.get()) return;
        step = "checking the finished run";
        try {
            RunRecord rec = run.run();
            MainWindow window = shell.window();
            if (window.runView() == null || window.runView().viewModel() != run) {
                fail("the run view does not show the run that just finished", null);
                return;
            }
            if (shell.viewModel().pageProperty().get() != Page.RUN) {
                fail("the window shows the " + shell.viewModel().pageProperty().get() + " page, not the run", null);
                return;
            }
            if (rec.jobs().isEmpty()) {
                fail("the run \"" + rec.title() + "\" has no jobs", null);
                return;
            }
            run.jumpToEnd(); // the run view's End key
            long unfinished = rec.jobs().stream().filter(j -> !j.finalState().isTerminal()).count();
            if (unfinished > 0) {
                JobFacts first = rec.jobs().stream().filter(j -> !j.finalState().isTerminal()).findFirst().orElseThrow();
                fail(unfinished + " of " + rec.jobs().size() + " jobs did not end, e.g. job " + first.name() + " is "
                        + first.finalState(), null);
                return;
            }
            CursorMetrics end = run.metricsProperty().get();
            if (end.ended() != rec.jobs().size() || end.queued() + end.running() + end.suspended() + end.checkpointing() != 0) {
                fail("at the end of the run the Gantt shows " + end + " for " + rec.jobs().size() + " jobs", null);
                return;
            }
            // every page once (editor: ControlsFX property sheets; compare: charts; samples), the run last
            List<Page> pages = new ArrayList<>(List.of(Page.values()));
            pages.remove(Page.RUN);
            pages.add(Page.RUN);
            for (Page page : pages) {
                step = "rendering the " + page + " page";
                shell.viewModel().pageProperty().set(page);
                WritableImage image = stage.getScene().snapshot(null);
                if (image.getWidth() < 100 || image.getHeight() < 100) {
                    fail("the " + page + " page rendered as " + image.getWidth() + "x" + image.getHeight() + " pixels", null);
                    return;
                }
            }
            if (rec.metrics() == null) {
                fail("the finished run \"" + rec.title() + "\" has no metrics", null);
                return;
            }
            // time to the first usable window, on stderr (stdout keeps its one summary line)
            String opened = openLater == null ? "" : String.format(java.util.Locale.ROOT,
                    "; opened %s in the running window: run shown %.2f s after the open, %.2f s CPU of the process",
                    openLater.getFileName(), openToShown, openToShownCpu);
            err.println(String.format(java.util.Locale.ROOT, "preemptlab smoke test: first frame %.2f s after the JVM started,"
                    + " finished run shown %.2f s after it (%.2f s CPU), every page rendered %.2f s after it%s", firstFrame,
                    runShown, runShownCpu, sinceJvmStart(), opened));
            finish(0, summaryLine(rec.title(), rec.jobs().size(), rec.log().size(), rec.metrics(), elapsedSeconds()));
        } catch (RuntimeException e) {
            fail("checking the run failed: " + e, e);
        }
    }

    /**
     * The success line. {@code makespan=N meanWait=X} are the finished run's numbers in seconds, as the
     * window shows them and as {@code run SCENARIO --metrics-json} writes them ({@code makespanSeconds},
     * {@code meanWaitSeconds}), so an outside check can compare the window with the command line.
     */
    static String summaryLine(String title, int jobs, int events, org.preemptlab.metrics.Metrics m, double shownAfter) {
        return OK + "\"" + title + "\": " + jobs + " jobs ended, " + events + " events, makespan=" + m.makespanSeconds()
                + " meanWait=" + m.meanWaitSeconds() + ", simulated in " + String.format(java.util.Locale.ROOT, "%.2f",
                m.wallSeconds()) + " s, finished run shown " + String.format(java.util.Locale.ROOT, "%.1f", shownAfter)
                + " s after start";
    }

    /** Seconds since the JVM process started (its start as the OS records it, 10 ms steps on Linux). */
    static double sinceJvmStart() {
        return ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toNanos() / 1e9).orElse(Double.NaN);
    }

    private void fail(String message, Throwable cause) {
        if (cause != null && !over.get()) cause.printStackTrace(err);
        finish(EXIT_FAILED, FAILED + message + " (while " + step + ", " + String.format("%.1f", elapsedSeconds()) + " s after start)");
    }

    private void finish(int exit, String line) {
        if (!over.compareAndSet(false, true)) return;
        (exit == 0 ? out : err).println(line);
        out.flush();
        err.flush();
        code = exit;
        exitCode.accept(exit);
        decided.countDown();
        deleteHome();
        Platform.exit();
    }

    /**
     * A daemon thread that ends the JVM when no outcome came within the timeout (the toolkit may be
     * stuck, so it does not wait for it), or when the toolkit does not shut down after one.
     */
    private void startWatchdog() {
        Thread t = new Thread(() -> {
            try {
                if (!decided.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (over.compareAndSet(false, true)) {
                        err.println(FAILED + "no finished run within " + timeout.toSeconds() + " s (while " + step + ")");
                        err.flush();
                        deleteHome();
                        System.exit(EXIT_TIMEOUT);
                    }
                    decided.await();
                }
                Thread.sleep(EXIT_GRACE.toMillis());
                err.println("preemptlab: the window did not close within " + EXIT_GRACE.toSeconds() + " s after the smoke test");
                System.exit(code);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "preemptlab-smoke-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void deleteHome() {
        if (home == null) return;
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            err.println("preemptlab: could not remove the smoke test's settings directory " + home + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- Notifier: no dialogs

    /** An error dialog fails the smoke test. */
    @Override
    public void error(String title, String message) {
        fail("error dialog \"" + title + "\": " + message.replace('\n', ' '), null);
    }

    @Override
    public void info(String title, String message) {
        err.println("preemptlab smoke test: (note shown) " + title);
    }

    /** Questions are answered no (the smoke test has no unsaved work to keep or recover). */
    @Override
    public boolean confirm(String title, String message) {
        err.println("preemptlab smoke test: (answered no) " + title);
        return false;
    }
}
