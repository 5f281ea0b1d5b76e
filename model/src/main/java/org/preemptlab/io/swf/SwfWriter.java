package org.preemptlab.io.swf;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.job.JobSpec;

/**
 * Writes a simulated schedule as an SWF file that any SWF tool can read: the input's header
 * comments, a {@code ; Note: simulated by PreemptLab <policy>} line, then one line of 18
 * whitespace-separated integers per job (-1 = missing).
 *
 * <p>Each job line echoes the job's original fields ({@link JobSpec#swf()}) except field 2 = the
 * submit time used, 3 = simulated wait (start − submit), 4 = end − start, 5 = processors and
 * 11 = the row's status. A job without {@code swf} fields gets its id, submit, processors (also in
 * field 8) and estimate (field 9), and -1 elsewhere. Jobs are written in job-number order unless
 * {@link Order#START} is chosen.
 *
 * <p>Files are written through {@link AtomicFiles}, as every output: whole or not at all, a new file
 * with the user's default mode (umask), a file written over keeping its mode and group. A name ending
 * in {@code .gz} is written gzip-compressed. Immutable.
 */
public final class SwfWriter {

    /** Order of the job lines. */
    public enum Order {
        /** By job number (field 1), the order of the input trace. */
        JOB_NUMBER,
        /** By start time, then job number (the order of pyss outputs). */
        START
    }

    private static final String NOTE_PREFIX = "simulated by PreemptLab";

    private final String policy;
    private final Order order;

    /** A writer without a policy name, in job-number order. */
    public SwfWriter() {
        this("", Order.JOB_NUMBER);
    }

    private SwfWriter(String policy, Order order) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.order = Objects.requireNonNull(order, "order");
    }

    /** Same writer whose note names the policy: {@code ; Note: simulated by PreemptLab <policy>}. */
    public SwfWriter withPolicy(String newPolicy) {
        return new SwfWriter(newPolicy == null ? "" : newPolicy.strip(), order);
    }

    /** Same writer with another line order. */
    public SwfWriter withOrder(Order newOrder) {
        return new SwfWriter(policy, newOrder);
    }

    /**
     * Writes {@code rows} under {@code header} to {@code out}, gzip-compressed when its name ends in
     * {@code .gz}: whole or not at all, with the user's normal permissions ({@link AtomicFiles}).
     */
    public void write(Path out, SwfHeader header, List<SwfScheduleRow> rows) throws IOException {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rows, "rows");
        boolean gzip = out.getFileName().toString().endsWith(".gz");
        AtomicFiles.writeBytes(out, os -> {
            if (gzip) {
                GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
                write(gz, header, rows);
                gz.finish();
            } else {
                write(os, header, rows);
            }
        });
    }

    /** Writes the SWF text to a stream (UTF-8), which is flushed but not closed. */
    public void write(OutputStream out, SwfHeader header, List<SwfScheduleRow> rows) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        write(w, header, rows);
        w.flush();
    }

    /** Writes the SWF text to a writer, which is flushed but not closed. */
    public void write(Writer w, SwfHeader header, List<SwfScheduleRow> rows) throws IOException {
        SwfHeader h = header.withNote(policy.isEmpty() ? NOTE_PREFIX : NOTE_PREFIX + " " + policy);
        for (String line : h.lines()) {
            w.write(line);
            w.write('\n');
        }
        List<SwfScheduleRow> sorted = new ArrayList<>(rows);
        sorted.sort(order == Order.START
                ? Comparator.comparingLong(SwfScheduleRow::start).thenComparingLong(SwfWriter::jobNumber)
                : Comparator.comparingLong(SwfWriter::jobNumber).thenComparingLong(SwfScheduleRow::start));
        StringBuilder sb = new StringBuilder(128);
        for (SwfScheduleRow row : sorted) {
            sb.setLength(0);
            appendLine(sb, row);
            sb.append('\n');
            w.append(sb);
        }
        w.flush();
    }

    /** The SWF job line of one row, without line terminator. */
    public static String line(SwfScheduleRow row) {
        StringBuilder sb = new StringBuilder(128);
        appendLine(sb, row);
        return sb.toString();
    }

    /** The 18 fields written for one row. */
    public static long[] fields(SwfScheduleRow row) {
        JobSpec job = row.job();
        long[] f;
        if (job.swf() != null && job.swf().length == SwfField.COUNT) {
            f = job.swf().clone();
        } else {
            f = new long[SwfField.COUNT];
            java.util.Arrays.fill(f, -1);
            f[SwfField.JOB_NUMBER.index()] = job.id();
            f[SwfField.REQUESTED_PROCESSORS.index()] = job.procs();
            f[SwfField.REQUESTED_TIME.index()] = job.estimate();
        }
        f[SwfField.SUBMIT_TIME.index()] = job.submit();
        f[SwfField.WAIT_TIME.index()] = row.start() - job.submit();
        f[SwfField.RUN_TIME.index()] = row.end() - row.start();
        f[SwfField.ALLOCATED_PROCESSORS.index()] = job.procs();
        f[SwfField.STATUS.index()] = row.status();
        return f;
    }

    private static void appendLine(StringBuilder sb, SwfScheduleRow row) {
        long[] f = fields(row);
        for (int i = 0; i < f.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(f[i]);
        }
    }

    private static long jobNumber(SwfScheduleRow row) {
        long[] swf = row.job().swf();
        return swf != null && swf.length == SwfField.COUNT ? swf[0] : row.job().id();
    }
}
