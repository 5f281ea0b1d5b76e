package org.preemptlab.backend.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The files of one local run, under a runs directory ({@code ~/.preemptlab/runs/<id>} by default):
 * <pre>
 *   owner               pid and start time of the JVM that runs it
 *   watchdog            pid and start time of its {@link LocalWatchdog}
 *   procs/&lt;n&gt;.proc     one per launched process group: job, pid, pgid, start time (field 22)
 *   state/&lt;job&gt;.state  the jobs' checkpoint files (and .progress, .committed)
 *   logs/&lt;job&gt;.log     the jobs' output, appended across relaunches
 *   cgroup              the run's freezer cgroup, when jobs are frozen rather than stopped
 *   run.log             what the backend decided (suspend method …)
 * </pre>
 * The records let the next start find and end what a crashed run left behind
 * ({@link #reapOrphans(Path, long)}).
 */
public final class RunDirectory {

    public static final String OWNER = "owner";
    static final String PROCS = "procs";
    static final String CGROUP = "cgroup";
    public static final String WATCHDOG = "watchdog";
    static final String LOG = "run.log";

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory of a new run owned by this JVM. */
    public static RunDirectory create(Path dir) {
        try {
            Files.createDirectories(dir.resolve(PROCS));
            Files.createDirectories(dir.resolve("state"));
            Files.createDirectories(dir.resolve("logs"));
            ProcStat self = ProcStat.self();
            writeAtomically(dir.resolve(OWNER), "pid=" + self.pid() + "\nstart=" + self.startTime() + "\n");
            return new RunDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return dir;
    }

    public Path stateFile(String jobKey) {
        return dir.resolve("state").resolve(jobKey + ".state");
    }

    public Path logFile(String jobKey) {
        return dir.resolve("logs").resolve(jobKey + ".log");
    }

    /** Records a launched group (written right after the launch, before anything else). */
    public void record(int launch, String job, long pid, long startTime) {
        record(launch, job, pid, startTime, null);
    }

    /** Records a launched group and its freezer cgroup (null if none). */
    public void record(int launch, String job, long pid, long startTime, Path cgroup) {
        String text = "job=" + job + "\npid=" + pid + "\npgid=" + pid + "\nstart=" + startTime + "\n"
                + (cgroup == null ? "" : "cgroup=" + cgroup + "\n");
        try {
            writeAtomically(dir.resolve(PROCS).resolve(launch + ".proc"), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record process group " + pid + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Records the run's watchdog: while it lives, {@link #reapOrphans} leaves the run to it. */
    public void recordWatchdog(long pid, long startTime) {
        try {
            writeAtomically(dir.resolve(WATCHDOG), "pid=" + pid + "\nstart=" + startTime + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the watchdog " + pid + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Records the run's freezer cgroup, so that reaping a crashed run thaws and removes it. */
    public void recordCgroup(Path cgroup) {
        try {
            writeAtomically(dir.resolve(CGROUP), "cgroup=" + cgroup + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the cgroup " + cgroup + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Appends a line to the run's log ({@code run.log}). */
    public void note(String line) {
        try {
            Files.writeString(dir.resolve(LOG), java.time.LocalDateTime.now() + " " + line + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a log line is not worth failing a run
        }
    }

    public Path logFile() {
        return dir.resolve(LOG);
    }

    /** Forgets a launch whose group is gone. */
    public void forget(int launch) {
        try {
            Files.deleteIfExists(dir.resolve(PROCS).resolve(launch + ".proc"));
        } catch (IOException e) {
            // a stale record is harmless: reaping checks the start time
        }
    }

    /** Forgets the owner: the run ended cleanly. */
    public void release(boolean deleteFiles) {
        try {
            Files.deleteIfExists(dir.resolve(OWNER));
            if (deleteFiles) deleteTree(dir);
        } catch (IOException e) {
            // best effort; reaping handles whatever stays
        }
    }

    // ---------------------------------------------------------------- reaping

    /** What became of one recorded process group. */
    public enum ReapOutcome {
        /** It was still running: signalled and now gone. */
        ENDED,
        /** Nothing of it was left. */
        ALREADY_GONE,
        /** Its pid now belongs to another process (other start time): left alone. */
        RECYCLED,
        /** The group has members older than the recorded leader: not ours, left alone. */
        NOT_OURS,
        /** Still alive after SIGKILL (e.g. in uninterruptible I/O); the record is kept. */
        SURVIVED,
        /** The record could not be read. */
        BAD_RECORD
    }

    /** A recorded process group, what was done with it and why. */
    public record ReapedGroup(Path run, String job, long pgid, ReapOutcome outcome, String note) {

        public boolean ended() {
            return outcome == ReapOutcome.ENDED;
        }
    }

    /** What {@link #reapOrphans} did. */
    public record ReapReport(List<ReapedGroup> groups, List<Path> runsCleaned, List<Path> runsSkipped) {

        public long endedCount() {
            return groups.stream().filter(ReapedGroup::ended).count();
        }
    }

    /**
     * Ends every process group recorded by runs whose owner JVM is gone, then deletes those runs.
     * A recorded group is signalled only if it is really ours: its leader is gone or has the
     * recorded start time (a recycled pid has another), and its members started no earlier.
     * Runs whose owner is alive (another app instance) are left alone, and so are runs whose
     * watchdog is still at work on them.
     */
    public static ReapReport reapOrphans(Path runsDir, long graceMillis) {
        List<ReapedGroup> groups = new ArrayList<>();
        List<Path> cleaned = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) return new ReapReport(groups, cleaned, skipped);
        List<Path> runs;
        try (Stream<Path> list = Files.list(runsDir)) {
            // only directories that look like runs: never delete anything else that lives there
            runs = list.filter(d -> Files.isDirectory(d) && (Files.exists(d.resolve(OWNER)) || Files.isDirectory(d.resolve(PROCS))))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs directory " + runsDir + ": " + e.getMessage(), e);
        }
        for (Path run : runs) {
            if (isLookedAfter(run)) {
                skipped.add(run);
                continue;
            }
            boolean allGone = true;
            for (Path rec : procRecords(run)) {
                ReapedGroup g = reapOne(run, rec, graceMillis);
                groups.add(g);
                if (g.outcome() == ReapOutcome.SURVIVED) allGone = false;
            }
            Optional<Path> runGroup = cgroupOf(run.resolve(CGROUP));
            if (allGone && runGroup.isPresent()) {
                allGone = CgroupFreezer.killMembers(runGroup.get(), 5_000) && CgroupFreezer.remove(runGroup.get(), 2_000);
            }
            if (allGone) {
                try {
                    deleteTree(run);
                    cleaned.add(run);
                } catch (IOException e) {
                    skipped.add(run);
                }
            } else {
                skipped.add(run);
            }
        }
        return new ReapReport(groups, cleaned, skipped);
    }

    private static ReapedGroup reapOne(Path run, Path rec, long graceMillis) {
        Properties p = read(rec);
        String job = p.getProperty("job", "?");
        long pgid = Long.parseLong(p.getProperty("pgid", "0"));
        long start = Long.parseLong(p.getProperty("start", "-1"));
        if (pgid <= 1) return new ReapedGroup(run, job, pgid, ReapOutcome.BAD_RECORD, "bad record " + rec);
        Optional<Path> cgroup = cgroupOf(rec);
        // a frozen process acts on no signal, not even SIGKILL (v1), until thawed; only our launches joined it
        cgroup.ifPresent(CgroupFreezer::thawQuietly);
        ReapedGroup g = reapGroup(run, job, pgid, start, graceMillis);
        if (cgroup.isPresent() && g.outcome() != ReapOutcome.SURVIVED) {
            boolean empty = CgroupFreezer.killMembers(cgroup.get(), 5_000);
            if (!empty) return new ReapedGroup(run, job, pgid, ReapOutcome.SURVIVED, "cgroup " + cgroup.get() + " still has members after SIGKILL");
            CgroupFreezer.remove(cgroup.get(), 1_000);
        }
        return g;
    }

    /** The {@code cgroup=} line of a record, if any. */
    private static Optional<Path> cgroupOf(Path file) {
        String c = read(file).getProperty("cgroup");
        return c == null || c.isBlank() ? Optional.empty() : Optional.of(Path.of(c.trim()));
    }

    private static ReapedGroup reapGroup(Path run, String job, long pgid, long start, long graceMillis) {
        Optional<ProcStat> leader = ProcStat.read(pgid);
        if (leader.isPresent() && !leader.get().isGone() && leader.get().startTime() != start) {
            return new ReapedGroup(run, job, pgid, ReapOutcome.RECYCLED, "pid " + pgid + " was recycled (start time "
                    + leader.get().startTime() + ", recorded " + start + "): left alone");
        }
        List<ProcStat> members = ProcStat.liveGroupMembers(pgid);
        if (members.isEmpty()) return new ReapedGroup(run, job, pgid, ReapOutcome.ALREADY_GONE, "already gone");
        for (ProcStat m : members) {
            if (m.startTime() < start) {
                return new ReapedGroup(run, job, pgid, ReapOutcome.NOT_OURS, "group " + pgid + " has a member (pid " + m.pid()
                        + ") older than the recorded leader: not ours, left alone");
            }
        }
        boolean gone = ProcessGroups.terminate(pgid, graceMillis);
        return gone ? new ReapedGroup(run, job, pgid, ReapOutcome.ENDED, "ended " + members.size() + " processes")
                : new ReapedGroup(run, job, pgid, ReapOutcome.SURVIVED, "still alive after SIGKILL");
    }

    /**
     * True if the run in {@code dir} is still looked after: the process its {@code owner} record
     * names (the JVM running it) or its {@code watchdog} record names is alive with the recorded
     * start time. Slurm job directories use the same two records.
     */
    public static boolean isLookedAfter(Path dir) {
        return alive(dir.resolve(OWNER)) || alive(dir.resolve(WATCHDOG));
    }

    /** Writes a {@code pid= start=} record of a live process (e.g. {@code owner}, {@code watchdog}) into {@code dir}. */
    public static void recordProcess(Path dir, String name, long pid) {
        long start = ProcStat.read(pid).map(ProcStat::startTime).orElse(-1L);
        try {
            writeAtomically(dir.resolve(name), "pid=" + pid + "\nstart=" + start + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /** True if the process a record names (pid and start time) is alive. */
    private static boolean alive(Path owner) {
        if (!Files.exists(owner)) return false;
        Properties p = read(owner);
        long pid;
        long start;
        try {
            pid = Long.parseLong(p.getProperty("pid", "0").trim());
            start = Long.parseLong(p.getProperty("start", "-1").trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid <= 0) return false;
        return ProcStat.read(pid).filter(s -> !s.isGone() && s.startTime() == start).isPresent();
    }

    private static List<Path> procRecords(Path run) {
        List<Path> recs = new ArrayList<>();
        Path procs = run.resolve(PROCS);
        if (!Files.isDirectory(procs)) return recs;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(procs, "*.proc")) {
            for (Path p : ds) recs.add(p);
        } catch (IOException e) {
            // unreadable: nothing to reap
        }
        recs.sort(Comparator.naturalOrder());
        return recs;
    }

    /** The recorded pgids of a run directory (for tests and diagnostics). */
    public static List<Long> recordedGroups(Path run) {
        List<Long> pgids = new ArrayList<>();
        for (Path rec : procRecords(run)) pgids.add(Long.parseLong(read(rec).getProperty("pgid", "0")));
        return pgids;
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            // missing or unreadable: empty
        }
        return p;
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a file vanished during the walk (a watchdog removing the same run)
        }
    }
}
