package org.preemptlab.io.swf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.preemptlab.job.JobSpec;

/**
 * Reads a trace on a thread of its own and hands its jobs over while it reads: a caller can start
 * simulating the first jobs while the rest is still inflated and parsed (on a machine of two cores the
 * read then costs no wall time). The jobs, the header, the report and the errors are exactly those of
 * {@link SwfReader#read(Path, SwfReadOptions)}.
 *
 * <p>The jobs are handed over in file order, which is the submit order of {@link SwfTrace#jobs()} as long
 * as the trace is sorted; at the first job out of order (the reader's {@link SwfAnomaly#UNSORTED_SUBMIT})
 * no more jobs are handed over: {@link #job} throws {@link Stopped} and {@link #trace()} gives the sorted
 * jobs. A read error does the same, and {@link #trace()} throws it.
 */
public final class SwfFeed implements AutoCloseable {

    /** Jobs are handed over in batches of this many (one lock a batch). */
    private static final int BATCH = 512;

    /**
     * No more jobs will be handed over, although there are (the trace is not in submit order) or may
     * be (the read failed, or the feed was closed): see {@link #trace()}.
     */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the trace is not handed over in submit order (unsorted, or the read failed); see trace()", null,
                    false, false);
        }
    }

    private final Object lock = new Object();
    private final String name;
    private final SwfReadOptions options;

    // the reader's (its thread only)
    private JobSpec[] jobs = new JobSpec[4096];
    private int size;

    /** jobs[0, published) may be read by the caller, from {@link #publishedJobs}. */
    private volatile int published;
    private volatile JobSpec[] publishedJobs = jobs;
    /** The machine size: -1 not known yet, 0 inferred (known at the end), else processors. */
    private volatile int machine = -1;
    /** A job came out of submit order: no more are handed over. */
    private volatile boolean unsorted;
    private volatile boolean closed;
    // set under the lock before done
    private boolean done;
    private SwfTrace trace;
    private Throwable error;

    private SwfFeed(String name, SwfReadOptions options) {
        this.name = name;
        this.options = options;
    }

    /**
     * Opens the trace (a missing file or a directory throws here) and starts reading it on a daemon
     * thread.
     */
    public static SwfFeed start(Path file, SwfReadOptions options) throws IOException {
        String name = SwfReader.displayName(file);
        InputStream in = SwfReader.open(file, name);
        SwfFeed feed = new SwfFeed(name, options);
        Thread reader = new Thread(new Reader(feed, in), "swf-reader " + name);
        reader.setDaemon(true);
        reader.start();
        return feed;
    }

    private void read(InputStream in) {
        SwfTrace result = null;
        Throwable failure = null;
        try (in) {
            Reader hooks = new Reader(this, null);
            SwfReader.Parser parser = SwfReader.parse(in, name, options, hooks, hooks);
            JobSpec[] all = Arrays.copyOf(jobs, size);
            if (unsorted) {
                Arrays.sort(all, SwfReader.SUBMIT_ORDER); // stable, as SwfReader.read's List.sort
            }
            result = new SwfTrace(parser.header(), Collections.unmodifiableList(Arrays.asList(all)),
                    parser.report.build(), parser.report.machineProcs);
            if (!unsorted) {
                jobs = all;
            }
        } catch (Throwable e) { // handed to the caller by trace()
            failure = e;
        }
        synchronized (lock) {
            trace = result;
            error = failure;
            if (result != null && !unsorted) {
                publishedJobs = jobs;
                published = size;
            }
            done = true;
            lock.notifyAll();
        }
    }

    /**
     * The reader thread's body and the parser's two hooks, as a class rather than lambdas and method references: a
     * one-shot command then links no lambda at all (the first one of a process starts the method-handle machinery,
     * ≈ 17 ms of CPU, docs/performance.md).
     */
    private static final class Reader implements Runnable, Consumer<JobSpec>, IntConsumer {
        private final SwfFeed feed;
        private final InputStream in;

        Reader(SwfFeed feed, InputStream in) {
            this.feed = feed;
            this.in = in;
        }

        @Override
        public void run() {
            feed.read(in);
        }

        @Override
        public void accept(JobSpec job) {
            feed.add(job);
        }

        @Override
        public void accept(int procs) {
            feed.machineFixed(procs);
        }
    }

    private void machineFixed(int procs) {
        synchronized (lock) {
            machine = procs;
            lock.notifyAll();
        }
    }

    private void add(JobSpec job) {
        if (closed) {
            throw new Stopped(); // ends the read
        }
        if (size > 0 && !unsorted && SwfReader.before(job, jobs[size - 1])) {
            synchronized (lock) {
                unsorted = true;
                lock.notifyAll();
            }
        }
        if (size == jobs.length) {
            jobs = Arrays.copyOf(jobs, size * 2);
        }
        jobs[size++] = job;
        if (size % BATCH == 0 && !unsorted) {
            synchronized (lock) {
                publishedJobs = jobs;
                published = size;
                lock.notifyAll();
            }
        }
    }

    /**
     * The machine size as soon as it is fixed (the read reached the first job line): the processors, or
     * 0 when the trace does not say and they are inferred from its jobs (then known from {@link #trace()}
     * only), or when the read failed first.
     */
    public int machineProcs() {
        synchronized (lock) {
            while (machine < 0 && !done) {
                await();
            }
            return Math.max(0, machine);
        }
    }

    /**
     * Job {@code i} (0, 1, 2, …) in submit order, waiting until it is read; null when the trace has
     * exactly {@code i} jobs.
     *
     * @throws Stopped when the jobs are not handed over any further (see the class comment)
     */
    public JobSpec job(int i) {
        if (i < published) {
            return publishedJobs[i];
        }
        synchronized (lock) {
            while (i >= published && !done && !unsorted) {
                await();
            }
            if (i < published) {
                return publishedJobs[i];
            }
            if (unsorted || error != null || closed) {
                throw new Stopped();
            }
            return null;
        }
    }

    /**
     * The whole trace, once read: the same as {@link SwfReader#read(Path, SwfReadOptions)}.
     *
     * @throws SwfFormatException when the file is malformed or leaves no job
     * @throws IOException        on other read errors
     */
    public SwfTrace trace() throws IOException {
        synchronized (lock) {
            while (!done) {
                await();
            }
        }
        if (error instanceof IOException e) {
            throw e;
        }
        if (error instanceof RuntimeException e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        return trace;
    }

    private void await() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to be read", e);
        }
    }

    /** Stops the read at its next job (its thread then ends); the jobs read so far stay. */
    @Override
    public void close() {
        closed = true;
    }
}
