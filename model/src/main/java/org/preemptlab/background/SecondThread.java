package org.preemptlab.background;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work started on a daemon thread of its own beside the caller's (on two cores, the second one), whose result the caller
 * takes once it needs it ({@link #get}). The caller joins it on every path ({@link #join}), failures included, so no
 * thread is left running; an interrupt meanwhile is kept for later, not lost.
 */
public final class SecondThread<T> {

    private final FutureTask<T> task;
    private final Thread thread;

    private SecondThread(String name, Callable<T> work) {
        task = new FutureTask<>(work);
        thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    /** {@code work} started now on a thread named {@code name}. */
    public static <T> SecondThread<T> start(String name, Callable<T> work) {
        SecondThread<T> s = new SecondThread<>(name, work);
        s.thread.start();
        return s;
    }

    /** Waits until the work has ended (an interrupt meanwhile is kept for later). */
    public void join() {
        joinUninterruptibly(thread);
    }

    /**
     * The work's result once it has ended; its failure thrown as this thread's own: an exception of class {@code checked}
     * as itself, a runtime exception or an error as itself, anything else wrapped in an {@link IllegalStateException}.
     */
    public <X extends Exception> T get(Class<X> checked) throws X {
        join();
        try {
            return task.get();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e); // not reached: the thread has ended
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (checked.isInstance(c)) throw checked.cast(c);
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        }
    }

    /** {@link #get(Class)} of work that throws no checked exception. */
    public T get() {
        return get(RuntimeException.class);
    }

    /** Waits until {@code t} has ended, an interrupt meanwhile kept for later (the thread's work is never left running). */
    public static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
