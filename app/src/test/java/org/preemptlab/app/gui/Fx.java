package org.preemptlab.app.gui;

import java.util.concurrent.Callable;
import org.testfx.util.WaitForAsyncUtils;

/** Runs code on the FX thread from a test and waits for it. */
public final class Fx {

    private Fx() {}

    public static void run(Runnable action) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static <T> T call(Callable<T> action) {
        T value = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }
}
