package org.preemptlab.backend.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat}: the fields the local backend needs. {@link Process#isAlive()}
 * is true for zombies on this machine kind, so liveness is read here instead.
 *
 * @param state     field 3: R, S, D, T (stopped), t, Z (zombie), X (dead), I …
 * @param pgrp      field 5: process group id
 * @param startTime field 22: start time in clock ticks since boot (tells a recycled pid apart)
 */
public record ProcStat(long pid, char state, long ppid, long pgrp, long startTime) {

    private static final Path PROC = Path.of("/proc");

    /** True for zombies and dead entries: nothing left that runs or holds memory. */
    public boolean isGone() {
        return state == 'Z' || state == 'X' || state == 'x';
    }

    /** True if stopped by a signal (SIGSTOP) or traced. */
    public boolean isStopped() {
        return state == 'T' || state == 't';
    }

    /** The process's stat, or empty if there is no such process. */
    public static Optional<ProcStat> read(long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** This JVM's stat. */
    public static ProcStat self() {
        long pid = ProcessHandle.current().pid();
        return read(pid).orElseThrow(() -> new IllegalStateException("cannot read /proc/" + pid + "/stat; the local backend needs Linux /proc"));
    }

    static ProcStat parse(long pid, String line) {
        // the command name (field 2) is in parentheses and may itself contain spaces or ')'
        int close = line.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("not a /proc stat line: " + line);
        String[] f = line.substring(close + 2).trim().split(" ");
        // f[0] is field 3
        return new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[19]));
    }

    /** Every process (zombies included) whose process group is {@code pgid}. */
    public static List<ProcStat> groupMembers(long pgid) {
        List<ProcStat> members = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) continue;
                long pid;
                try {
                    pid = Long.parseLong(name);
                } catch (NumberFormatException e) {
                    continue;
                }
                read(pid).filter(s -> s.pgrp == pgid).ifPresent(members::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return members;
    }

    /** Members of the group that still run or hold memory (not zombies). */
    public static List<ProcStat> liveGroupMembers(long pgid) {
        List<ProcStat> live = new ArrayList<>();
        for (ProcStat s : groupMembers(pgid)) if (!s.isGone()) live.add(s);
        return live;
    }
}
