package org.preemptlab.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.io.files.AtomicFiles;

/**
 * The one writer of a sweep's result files. A result file appears whole or not at all: it is
 * written, sorted by id, when the sweep ends ({@link #finishSorted}, all files together). Meanwhile
 * every finished row is appended and flushed to the file's <em>journal</em>, {@code R.csv.partial}
 * beside it, so an interrupted sweep keeps every row it finished; {@code --resume} reads the rows
 * of the result file and of its journal, and a finished sweep removes the journal. Thread-safe (rows
 * come from the runner's threads).
 *
 * <p>A result file that is not a regular file (a FIFO, a device, {@code -} for standard output) has
 * no journal: the sorted rows are written to it at the end; it cannot be resumed from.
 */
public final class ResultWriter implements AutoCloseable {

    /** A result file and its format. */
    public record Output(Path path, RowFormat format) {}

    /** The suffix of a result file's journal: {@code R.csv.partial}. */
    public static final String JOURNAL_SUFFIX = ".partial";

    private final List<Output> outputs;
    private final List<Path> journals = new ArrayList<>();
    private final List<OutputStream> streams = new ArrayList<>();
    private final Map<Integer, SweepRow> rows = new LinkedHashMap<>();

    /**
     * Opens the journals: new ones, or, when {@code resume}, the existing ones to append to (the
     * rows of the result files and their journals are the ones done).
     */
    public ResultWriter(List<Output> outputs, boolean resume) throws IOException {
        if (outputs.isEmpty()) throw new IllegalArgumentException("a sweep needs at least one result file");
        this.outputs = List.copyOf(outputs);
        try {
            for (int i = 0; i < outputs.size(); i++) {
                Output o = outputs.get(i);
                Path journal = journalOf(o.path());
                journals.add(journal);
                if (journal == null) {
                    if (resume) {
                        throw new IllegalArgumentException(o.path() + (AtomicFiles.isStdout(o.path()) ? " (standard output)" : "")
                                + ": not a regular file; --resume needs one to read the rows done from");
                    }
                    streams.add(null);
                    continue;
                }
                if (journal.getParent() != null) Files.createDirectories(journal.getParent());
                ResultFile kept = resume ? ResultFile.read(o.path(), o.format()) : ResultFile.EMPTY;
                ResultFile journaled = resume ? ResultFile.read(journal, o.format()) : ResultFile.EMPTY;
                if (i == 0) {
                    rows.putAll(kept.rows());
                    rows.putAll(journaled.rows());
                }
                try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    ch.truncate(journaled.validBytes());
                }
                OutputStream out = Files.newOutputStream(journal, StandardOpenOption.APPEND);
                streams.add(out);
                if (journaled.validBytes() == 0 && o.format().header() != null) {
                    out.write((o.format().header() + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The journal of a result file ({@code R.csv.partial} beside the file a symbolic link points
     * to), or null when the result is not a regular file.
     */
    public static Path journalOf(Path result) throws IOException {
        if (AtomicFiles.isStdout(result)) return null;
        Path real = AtomicFiles.followLinks(result);
        if (Files.exists(real) && !Files.isRegularFile(real)) return null;
        return real.resolveSibling(real.getFileName() + JOURNAL_SUFFIX);
    }

    /** The rows already done when resuming (by id); empty otherwise. */
    public synchronized Map<Integer, SweepRow> done() {
        return Map.copyOf(rows);
    }

    /** Appends a row to every journal and flushes. */
    public synchronized void write(SweepRow row) throws IOException {
        for (int i = 0; i < outputs.size(); i++) {
            OutputStream out = streams.get(i);
            if (out == null) continue;
            out.write((outputs.get(i).format().format(row) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        rows.put(row.id(), row);
    }

    /**
     * Closes the journals, writes each result file with every row (resumed and new) sorted by id,
     * all files together, and removes the journals.
     */
    public synchronized void finishSorted() throws IOException {
        close();
        AtomicFiles.together(() -> {
            for (Output o : outputs) ResultFile.writeSorted(o.path(), o.format(), rows.values());
        });
        for (Path j : journals) if (j != null) Files.deleteIfExists(j);
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (OutputStream s : streams) {
            if (s == null) continue;
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        streams.clear();
        if (first != null) throw first;
    }
}
