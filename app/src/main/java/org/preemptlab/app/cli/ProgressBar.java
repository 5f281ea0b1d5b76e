package org.preemptlab.app.cli;

import java.io.PrintStream;
import org.preemptlab.sim.ProgressListener;

/** A progress bar on stderr, shown only when stderr is a terminal. */
final class ProgressBar implements ProgressListener {

    private final PrintStream err;
    private final String label;
    private int lastPercent = -1;

    private ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    static ProgressListener forTerminal(String label) {
        return System.console() != null ? new ProgressBar(System.err, label) : ProgressListener.NONE;
    }

    @Override
    public void progress(long done, long total) {
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        if (percent == lastPercent) return;
        lastPercent = percent;
        int width = 30;
        int filled = percent * width / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "% ("
                + done + "/" + total + " jobs)");
        if (done >= total) err.println();
        err.flush();
    }
}
