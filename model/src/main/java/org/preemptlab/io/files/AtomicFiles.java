package org.preemptlab.io.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file through a temporary sibling, forced to disk, and a rename: readers never see half a
 * file, and a crash or a failed write leaves the old file in place.
 *
 * <p>Permissions are those the user expects from a plain write: a new file gets the default mode of
 * the directory (0666 minus the umask, or the directory's default ACL), since the temporary file is
 * created the ordinary way (not with {@code Files.createTempFile}'s 0600); a file written over keeps
 * its mode and, where the user may set it, its group.
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

    private static final int CREATE_ATTEMPTS = 10;

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

    /**
     * Writes bytes: to a new temporary file next to {@code target} (with the mode and group of the
     * file it replaces, if any), forced to disk, then renamed over {@code target}.
     */
    public static void writeBytes(Path target, BinaryBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = null;
        try {
            FileChannel channel = null;
            for (int attempt = 0; channel == null; attempt++) {
                tmp = abs.resolveSibling("." + abs.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
                try {
                    // no permission attribute: the mode a plain Files.newOutputStream would give
                    channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    tmp = null;
                    if (attempt + 1 >= CREATE_ATTEMPTS) throw e;
                }
            }
            try (FileChannel file = channel) {
                keepAttributesOf(abs, tmp);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // closed below, after the sync
                    }
                };
                body.writeTo(out);
                out.flush();
                file.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Gives {@code copy} the group and POSIX mode of {@code original} if that exists (nothing on
     * file systems without POSIX attributes). The group is best effort: only its owner's groups
     * may be set, and only the owner may change it.
     */
    static void keepAttributesOf(Path original, Path copy) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(copy, PosixFileAttributeView.class);
        if (view == null) return;
        PosixFileAttributes was;
        try {
            was = Files.readAttributes(original, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            return; // a new file: the default mode
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (!was.isRegularFile()) return;
        try {
            if (!was.group().equals(view.readAttributes().group())) view.setGroup(was.group());
        } catch (IOException e) {
            // not a member of that group: the file gets the user's default group, as any new file
        }
        view.setPermissions(was.permissions()); // after the group: chgrp may clear set-id bits
    }
}
