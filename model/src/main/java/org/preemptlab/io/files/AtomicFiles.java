package org.preemptlab.io.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every output file of PreemptLab is written here: it appears whole or not at all.
 *
 * <p><b>Regular files</b> (and new ones) are written to a temporary sibling, forced to disk, and
 * renamed over the target: readers never see half a file, and a failed write leaves the old file in
 * place and no temporary file. <b>A symbolic link is followed</b>: the file it points to gets the
 * content (through a temporary file in that file's directory) and the link stays a link. <b>A
 * target that is not a regular file</b> (a FIFO, a character device such as {@code /dev/null} or
 * {@code /dev/full}) is written directly, streaming, never replaced; {@code -} means standard
 * output. A directory is refused.
 *
 * <p><b>Several outputs of one command</b> are committed together: inside {@link #together} the
 * temporary files are only renamed when the whole work has succeeded, all at the end; if it fails,
 * none is (no output new while another is stale).
 *
 * <p><b>Temporary files</b> are named {@code .NAME.preemptlab-PID-N@HOST.tmp}. They are removed on
 * every exit path: a failed write, a failed {@link #together}, and (through a shutdown hook) the end
 * of the JVM by SIGTERM or SIGINT. A SIGKILL cannot be caught: the next write into the same directory
 * removes the temporary files of this host whose process is gone.
 *
 * <p>Errors name the file: {@code cannot write E.csv: no space left on device}.
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

    /** Work whose outputs are committed together ({@link #together}). */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    /** The name that means standard output. */
    public static final String STDOUT = "-";

    private static final int CREATE_ATTEMPTS = 100;
    private static final int MAX_LINKS = 40;
    private static final String MARK = ".preemptlab-";
    /**
     * This process's id and host and the pattern of temporary names, made on the first file written: a run that writes
     * no file (a plain {@code simulate}) loads no regex and no {@code ProcessHandle} (its executor classes) for them.
     */
    private static final class Names {
        static final Pattern TEMP = Pattern.compile("\\..+\\.preemptlab-(\\d+)-\\d+@(.*)\\.tmp");
        static final long PID = ProcessHandle.current().pid();
        static final String HOST = host();
    }
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Temporary files not yet renamed or removed: removed by the shutdown hook. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<List<Staged>> BATCH = new ThreadLocal<>();
    private static volatile boolean hookAdded;

    private record Staged(Path temp, Path target, String shown) {}

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
     * Writes bytes to {@code target}: a regular or new file through a temporary file and a rename
     * (at the end of the enclosing {@link #together}, if any), anything else directly.
     *
     * @throws IOException naming {@code target}: {@code cannot write E.csv: no space left on device}
     */
    public static void writeBytes(Path target, BinaryBody body) throws IOException {
        if (isStdout(target)) {
            writeToStdout(body);
            return;
        }
        String shown = target.toString();
        Path real = followLinks(target, shown);
        if (Files.isDirectory(real)) throw new IOException("cannot write " + shown + ": is a directory");
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            writeDirectly(real, shown, body);
            return;
        }
        Path dir = real.getParent();
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            removeStaleTemps(dir);
            FileChannel channel = null;
            for (int attempt = 0; channel == null; attempt++) {
                tmp = real.resolveSibling(tempName(real.getFileName().toString()));
                LIVE.add(tmp);
                addHook();
                try {
                    // no permission attribute: the mode a plain Files.newOutputStream would give
                    channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    LIVE.remove(tmp);
                    tmp = null;
                    if (attempt + 1 >= CREATE_ATTEMPTS) throw e;
                }
            }
            try (FileChannel file = channel) {
                keepAttributesOf(real, tmp);
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
            List<Staged> batch = BATCH.get();
            if (batch != null) {
                batch.add(new Staged(tmp, real, shown));
            } else {
                move(tmp, real, shown);
            }
            tmp = null;
        } catch (IOException e) {
            throw named(shown, e);
        } finally {
            if (tmp != null) deleteTemp(tmp);
        }
    }

    /**
     * Runs {@code work}, holding back the renames of the files it writes until it has succeeded; then
     * renames them all. If it fails (an exception of any kind), no output is renamed and every
     * temporary file is removed. Outputs that are not regular files (a FIFO, a device, {@code -})
     * are written when the work writes them. Nested calls join the outermost one. Only writes made on
     * the calling thread are held back.
     */
    public static <E extends Exception> void together(Work<E> work) throws E, IOException {
        if (BATCH.get() != null) {
            work.run();
            return;
        }
        List<Staged> batch = new ArrayList<>();
        BATCH.set(batch);
        int committed = 0;
        try {
            work.run();
            BATCH.remove();
            for (Staged s : batch) {
                move(s.temp(), s.target(), s.shown());
                committed++;
            }
        } finally {
            BATCH.remove();
            for (int i = committed; i < batch.size(); i++) deleteTemp(batch.get(i).temp());
        }
    }

    /** True for {@code -}, standard output. */
    public static boolean isStdout(Path p) {
        return p != null && STDOUT.equals(p.toString());
    }

    /**
     * The file {@code target} stands for: itself, or the end of its chain of symbolic links (which
     * may not exist yet). Relative links are resolved against the link's directory.
     */
    public static Path followLinks(Path target) throws IOException {
        return followLinks(target, target.toString());
    }

    private static Path followLinks(Path target, String shown) throws IOException {
        Path p = target.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            Path link = Files.readSymbolicLink(p);
            Path parent = p.getParent();
            p = parent == null ? link.toAbsolutePath() : parent.resolve(link);
        }
        if (Files.isSymbolicLink(p)) throw new IOException("cannot write " + shown + ": too many levels of symbolic links");
        return p;
    }

    /** The temporary files of this host in {@code dir} whose process is gone (left by a SIGKILL). */
    public static List<Path> staleTemps(Path dir) {
        List<Path> stale = new ArrayList<>();
        if (dir == null) return stale;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*" + MARK + "*.tmp")) {
            for (Path f : files) {
                Matcher m = Names.TEMP.matcher(f.getFileName().toString());
                if (!m.matches() || !m.group(2).equals(Names.HOST)) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean gone = pid == Names.PID ? !LIVE.contains(f) : ProcessHandle.of(pid).isEmpty();
                if (gone) stale.add(f);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory: the write itself will say what is wrong
        }
        return stale;
    }

    private static void removeStaleTemps(Path dir) {
        for (Path f : staleTemps(dir)) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // another process's file we may not remove: leave it
            }
        }
    }

    /** {@code .E.csv.preemptlab-4711-0@node1.tmp}. */
    static String tempName(String fileName) {
        return "." + fileName + MARK + Names.PID + "-" + COUNTER.getAndIncrement() + "@" + Names.HOST + ".tmp";
    }

    private static void writeToStdout(BinaryBody body) throws IOException {
        PrintStream stdout = System.out;
        OutputStream out = new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] b, int off, int len) {
                stdout.write(b, off, len);
            }

            @Override
            public void close() {
                stdout.flush(); // standard output stays open
            }
        };
        body.writeTo(out);
        stdout.flush();
        if (stdout.checkError()) throw new IOException("cannot write " + STDOUT + " (standard output): the stream is closed or failed");
    }

    private static void writeDirectly(Path real, String shown, BinaryBody body) throws IOException {
        try (OutputStream file = Files.newOutputStream(real, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(file, 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // closed below
                }
            };
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw named(shown, e);
        }
    }

    private static void move(Path tmp, Path target, String shown) throws IOException {
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LIVE.remove(tmp);
        } catch (IOException e) {
            deleteTemp(tmp);
            throw named(shown, e);
        }
    }

    private static void deleteTemp(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // nothing more to do: the next write into the directory removes it
        }
        LIVE.remove(tmp);
    }

    /** {@code cannot write E.csv: no space left on device}, unless the message already says so. */
    static IOException named(String shown, IOException e) {
        String m = e.getMessage();
        if (m != null && m.startsWith("cannot write ")) return e;
        IOException named = new IOException("cannot write " + shown + ": " + reason(e), e);
        return named;
    }

    private static String reason(IOException e) {
        String r;
        if (e instanceof FileSystemException fs) {
            r = fs.getReason();
            if (r == null) {
                r = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such file or directory"
                        : e instanceof NotDirectoryException ? "not a directory"
                        : e instanceof FileAlreadyExistsException ? "file exists" : e.getClass().getSimpleName();
            }
        } else {
            r = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        }
        r = r.replace('\n', ' ').strip();
        if (r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))) {
            r = Character.toLowerCase(r.charAt(0)) + r.substring(1); // "No space left on device"
        }
        return r;
    }

    private static void addHook() {
        if (hookAdded) return;
        synchronized (AtomicFiles.class) {
            if (hookAdded) return;
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (Path p : List.copyOf(LIVE)) {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            // the JVM is going: the next write into the directory removes it
                        }
                    }
                }, "preemptlab-temp-files"));
            } catch (IllegalStateException e) {
                // already shutting down: the finally blocks remove what they can
            }
            hookAdded = true;
        }
    }

    private static String host() {
        String h = null;
        try {
            h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        if (h == null || h.isEmpty()) h = System.getenv("HOSTNAME");
        if (h == null || h.isEmpty()) h = System.getenv("COMPUTERNAME");
        if (h == null || h.isEmpty()) h = "localhost";
        return h.replaceAll("[^A-Za-z0-9._-]", "_");
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
