package org.preemptlab.io.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The check a command makes before it runs anything: every output can be written (its directory
 * exists, is a directory and is writable; it is not a directory itself), no output is one of the
 * command's inputs (the same file, also through symbolic links or hard links), and no two outputs
 * are the same file. Character devices ({@code /dev/null}) may be named more than once; standard
 * output ({@code -}) only once.
 *
 * <pre>
 * OutputTargets.create().input("SCENARIO.json", scenario)
 *         .output("--metrics-json", metrics).output("--events-csv", events).check();
 * </pre>
 */
public final class OutputTargets {

    private record Named(String option, Path path) {
        String text() {
            return option.equals(path.toString()) ? option : option + " " + path;
        }
    }

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    private OutputTargets() {}

    public static OutputTargets create() {
        return new OutputTargets();
    }

    /** An input of the command, e.g. {@code ("--trace", t.swf)}; null is skipped. */
    public OutputTargets input(String option, Path path) {
        if (path != null) inputs.add(new Named(option, path));
        return this;
    }

    /** An output of the command, e.g. {@code ("--events-csv", E.csv)}; null is skipped. */
    public OutputTargets output(String option, Path path) {
        if (path != null) outputs.add(new Named(option, path));
        return this;
    }

    /**
     * Checks the outputs.
     *
     * @throws IllegalArgumentException naming the option(s), the path and the reason, e.g.
     *         {@code --metrics-json s.json is the same file as SCENARIO.json s.json; write the output elsewhere}
     */
    public void check() {
        for (int i = 0; i < outputs.size(); i++) {
            Named out = outputs.get(i);
            checkWritable(out);
            for (Named in : inputs) {
                if (same(out.path(), in.path())) {
                    throw new IllegalArgumentException(out.text() + " is the same file as " + in.text()
                            + "; the output would overwrite the input: write it elsewhere");
                }
            }
            for (int j = 0; j < i; j++) {
                Named other = outputs.get(j);
                if (same(out.path(), other.path())) {
                    throw new IllegalArgumentException(other.text() + " and " + out.text()
                            + (AtomicFiles.isStdout(out.path()) ? " both write to standard output" : " are the same file")
                            + "; give each output its own file");
                }
            }
        }
    }

    private static void checkWritable(Named out) {
        Path p = out.path();
        if (AtomicFiles.isStdout(p)) return;
        Path real;
        try {
            real = AtomicFiles.followLinks(p);
        } catch (IOException e) {
            throw new IllegalArgumentException(out.text() + ": " + e.getMessage().replaceFirst("^cannot write [^:]*: ", ""));
        }
        if (Files.isDirectory(real)) throw new IllegalArgumentException(out.text() + ": is a directory; give a file name");
        if (Files.exists(real) && !Files.isRegularFile(real)) return; // a FIFO or device: written directly
        Path dir = real.getParent();
        Path shownDir = Files.isSymbolicLink(p.toAbsolutePath()) || p.getParent() == null ? dir : p.getParent();
        if (dir == null) return;
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException(out.text() + ": the directory " + shownDir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(out.text() + ": " + shownDir + " is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(out.text() + ": cannot create files in " + shownDir + " (permission denied)");
        }
    }

    /** True if {@code a} and {@code b} name the same file (character devices never count). */
    static boolean same(Path a, Path b) {
        if (AtomicFiles.isStdout(a) || AtomicFiles.isStdout(b)) return AtomicFiles.isStdout(a) && AtomicFiles.isStdout(b);
        try {
            Path ra = AtomicFiles.followLinks(a);
            Path rb = AtomicFiles.followLinks(b);
            if (Files.exists(ra) && Files.exists(rb)) {
                if (isCharacterDevice(ra)) return false;
                return Files.isSameFile(ra, rb);
            }
            return key(ra).equals(key(rb));
        } catch (IOException e) {
            return false; // unreadable: the write or the read will say why
        }
    }

    private static boolean isCharacterDevice(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isOther() && !isFifo(p);
    }

    private static boolean isFifo(Path p) {
        try {
            Object type = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return type instanceof Integer mode && (mode & 0170000) == 0010000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A file that may not exist yet: its directory's real path and its name. */
    private static Path key(Path real) throws IOException {
        Path abs = real.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir != null && Files.isDirectory(dir)) return dir.toRealPath().resolve(abs.getFileName());
        return abs;
    }
}
