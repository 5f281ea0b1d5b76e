package org.preemptlab.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.preemptlab.sim.ProgressListener;

/**
 * A progress bar on stderr for long runs: {@code label [#####     ] 42% (420/1000 jobs)},
 * optionally with the time left. Shown when stderr is a terminal, or when asked with the
 * environment variable {@code PREEMPTLAB_PROGRESS=1} ({@code 0}: never). A bar of jobs is quiet for
 * the first {@link #SHOW_AFTER_NANOS} (a quick run prints nothing); a bar with the time left counts
 * coarse units (variants, cells) that may each take long, and shows from the start. Redrawn at most
 * every {@link #REDRAW_NANOS}; once shown, the end is always drawn (100 %, then a line break).
 * Thread-safe.
 */
final class ProgressBar implements ProgressListener {

    /** A run shorter than this shows no bar. */
    static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    /** At most one redraw per this. */
    static final long REDRAW_NANOS = 250_000_000L;
    /** The environment variable that asks for the bar (1) or forbids it (0) whatever stderr is. */
    static final String ENV = "PREEMPTLAB_PROGRESS";

    private final PrintStream err;
    private final String label;
    private final String unit;
    private final boolean eta;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private boolean shown;
    private long lastDrawNanos;
    private boolean ended;

    /** A bar that reads the time from {@code nanoClock} (tests give a fake one). */
    ProgressBar(PrintStream err, String label, String unit, boolean eta, LongSupplier nanoClock) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.eta = eta;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** A bar counting jobs, when stderr is a terminal or the bar is asked for; otherwise nothing. */
    /** {@code System::nanoTime} as a class: a one-shot command on a terminal links no lambda either. */
    private static final LongSupplier NANO_TIME = new LongSupplier() {
        @Override
        public long getAsLong() {
            return System.nanoTime();
        }
    };

    static ProgressListener forTerminal(String label) {
        return wanted(System.getenv(ENV), stderrIsTerminal()) ? new ProgressBar(System.err, label, "jobs", false, NANO_TIME)
                : ProgressListener.NONE;
    }

    /** A bar counting {@code unit}s that also shows the estimated time left (elapsed / done × remaining). */
    static ProgressListener withEta(String label, String unit) {
        return wanted(System.getenv(ENV), stderrIsTerminal()) ? new ProgressBar(System.err, label, unit, true, NANO_TIME)
                : ProgressListener.NONE;
    }

    /** Whether to show a bar: {@code PREEMPTLAB_PROGRESS=1} yes, {@code 0} no, otherwise when stderr is a terminal. */
    static boolean wanted(String env, boolean stderrTerminal) {
        if (env != null && !env.isBlank()) {
            String v = env.strip().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("1") || v.equals("true") || v.equals("yes") || v.equals("always")) return true;
            if (v.equals("0") || v.equals("false") || v.equals("no") || v.equals("never")) return false;
        }
        return stderrTerminal;
    }

    /**
     * True if stderr is a terminal: on Linux, file descriptor 2 is a tty or pts device (stdout may
     * be redirected); elsewhere, when the JVM has a console.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: fall back
        }
        return System.console() != null;
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (ended) return;
        long now = nanoClock.getAsLong();
        boolean end = done >= total;
        if (end) {
            ended = true;
            if (shown) draw(done, total, now);
            return;
        }
        if (!eta && now - startNanos < SHOW_AFTER_NANOS) return;
        if (shown && now - lastDrawNanos < REDRAW_NANOS) return;
        shown = true;
        lastDrawNanos = now;
        draw(done, total, now);
    }

    private void draw(long done, long total, long now) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, 100 * done / total);
        int width = 30;
        int filled = percent * width / 100;
        String left = "";
        if (eta) {
            double elapsed = (now - startNanos) / 1e9;
            left = done >= total ? ", " + clock(elapsed) + " in all"
                    : done == 0 ? ", ETA --:--" : ", ETA " + clock(elapsed / done * (total - done));
        }
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "% ("
                + org.preemptlab.units.Units.group(done) + "/" + org.preemptlab.units.Units.group(total) + " " + unit + left + ")");
        if (done >= total) err.println();
        err.flush();
    }

    /** {@code 1:05:09}, {@code 4:07}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }
}
