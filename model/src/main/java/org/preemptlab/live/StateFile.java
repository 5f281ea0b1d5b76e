package org.preemptlab.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A job's state (checkpoint) file and its committed copy ({@code <file>.committed}): the job
 * rewrites the file when asked (SIGUSR1), the backend {@link #commit() commits} the version it
 * asked for, and a relaunch {@link #restoreCommitted starts from} that version, so that work since
 * then is lost exactly as the engine counts it.
 */
public record StateFile(Path path) {

    /** Identity of a file version: a new inode (tmp + mv) or a new mtime means it was rewritten. */
    public record Stamp(Object key, FileTime modified, long size) {}

    public StateFile {
        Objects.requireNonNull(path, "path");
    }

    /** The last committed version. */
    public Path committed() {
        return sibling(".committed");
    }

    /** The version now on disk, or null if there is none. */
    public Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps the version now on disk as the committed one (atomically); nothing if there is none. */
    public void commit() throws IOException {
        Path tmp = sibling(".committing");
        try {
            Files.copy(path, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            return;
        }
        Files.move(tmp, committed(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Before a (re)launch: puts the committed version in place, or removes the file if none was committed.
     *
     * @param jobName the job's name for the error message, or null
     */
    public void restoreCommitted(String jobName) {
        Path committed = committed();
        try {
            if (Files.exists(committed)) {
                Path tmp = sibling(".restore");
                Files.copy(committed, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the state file " + path + (jobName == null ? "" : " of job " + jobName)
                    + ": " + e.getMessage(), e);
        }
    }

    private Path sibling(String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }
}
