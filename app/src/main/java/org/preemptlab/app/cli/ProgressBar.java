package org.preemptlab.app.cli;

import java.io.PrintStream;
import org.preemptlab.sim.ProgressListener;

/** A progress bar on stderr, shown only when stderr is a terminal; optionally with the time left. */
final class ProgressBar implements ProgressListener {

    private final PrintStream err;
    private final String label;
    private final String unit;
    private final boolean eta;
    private final long startNanos = System.nanoTime();
    private int lastPercent = -1;
    private long lastDone = -1;

    ProgressBar(PrintStream err, String label, String unit, boolean eta) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.eta = eta;
    }

    static ProgressListener forTerminal(String label) {
        return System.console() != null ? new ProgressBar(System.err, label, "jobs", false) : ProgressListener.NONE;
    }

    /** A bar counting {@code unit}s that also shows the estimated time left (elapsed / done × remaining). */
    static ProgressListener withEta(String label, String unit) {
        return System.console() != null ? new ProgressBar(System.err, label, unit, true) : ProgressListener.NONE;
    }

    @Override
    public void progress(long done, long total) {
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        if (percent == lastPercent && !(eta && done != lastDone)) return;
        lastPercent = percent;
        lastDone = done;
        int width = 30;
        int filled = percent * width / 100;
        String left = "";
        if (eta) {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            left = done >= total ? ", " + clock(elapsed) + " in all"
                    : done == 0 ? ", ETA --:--" : ", ETA " + clock(elapsed / done * (total - done));
        }
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "% ("
                + done + "/" + total + " " + unit + left + ")");
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
