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

/**
 * The one writer of a sweep's result files: every finished row is appended to each file and
 * flushed at once, so an interrupted sweep keeps every row it finished. Thread-safe (rows come
 * from the runner's threads). When resuming, each file keeps its complete lines (an incomplete last
 * line is cut off, see {@link ResultFile}) and the rows of the first file are the ones done.
 */
public final class ResultWriter implements AutoCloseable {

    /** A result file and its format. */
    public record Output(Path path, RowFormat format) {}

    private final List<Output> outputs;
    private final List<OutputStream> streams = new ArrayList<>();
    private final Map<Integer, SweepRow> rows = new LinkedHashMap<>();

    /**
     * Opens the outputs: new files (replacing old ones), or, when {@code resume}, the existing ones
     * to append to.
     */
    public ResultWriter(List<Output> outputs, boolean resume) throws IOException {
        if (outputs.isEmpty()) throw new IllegalArgumentException("a sweep needs at least one result file");
        this.outputs = List.copyOf(outputs);
        try {
            for (int i = 0; i < outputs.size(); i++) {
                Output o = outputs.get(i);
                Path abs = o.path().toAbsolutePath();
                if (abs.getParent() != null) Files.createDirectories(abs.getParent());
                ResultFile existing = resume ? ResultFile.read(o.path(), o.format()) : ResultFile.EMPTY;
                if (i == 0) rows.putAll(existing.rows());
                try (FileChannel ch = FileChannel.open(o.path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    ch.truncate(existing.validBytes());
                }
                OutputStream out = Files.newOutputStream(o.path(), StandardOpenOption.APPEND);
                streams.add(out);
                if (existing.validBytes() == 0 && o.format().header() != null) {
                    out.write((o.format().header() + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The rows already in the first file when resuming (by id); empty otherwise. */
    public synchronized Map<Integer, SweepRow> done() {
        return Map.copyOf(rows);
    }

    /** Appends a row to every file and flushes. */
    public synchronized void write(SweepRow row) throws IOException {
        for (int i = 0; i < outputs.size(); i++) {
            OutputStream out = streams.get(i);
            out.write((outputs.get(i).format().format(row) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        rows.put(row.id(), row);
    }

    /** Closes the files and rewrites each with every row (resumed and new) sorted by id. */
    public synchronized void finishSorted() throws IOException {
        close();
        for (Output o : outputs) ResultFile.writeSorted(o.path(), o.format(), rows.values());
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (OutputStream s : streams) {
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
