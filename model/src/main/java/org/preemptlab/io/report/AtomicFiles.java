package org.preemptlab.io.report;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling, forced to disk, and a rename: readers never see half a
 * file, and a crash or a failed write leaves the old file in place.
 */
public final class AtomicFiles {

    /** Writes text to a writer. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer w) throws IOException;
    }

    /** Writes bytes to a stream. */
    @FunctionalInterface
    public interface BinaryBody {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes UTF-8 text. */
    public static void write(Path target, Body body) throws IOException {
        writeBytes(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8) {
                @Override
                public void close() throws IOException {
                    flush(); // writers such as Jackson's close their target: the file is closed here, after the sync
                }
            };
            body.writeTo(w);
            w.flush();
        });
    }

    public static void writeBytes(Path target, BinaryBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (FileOutputStream file = new FileOutputStream(tmp.toFile())) {
                OutputStream out = new java.io.BufferedOutputStream(file, 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // closed below, after the sync
                    }
                };
                body.writeTo(out);
                out.flush();
                file.getFD().sync();
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
