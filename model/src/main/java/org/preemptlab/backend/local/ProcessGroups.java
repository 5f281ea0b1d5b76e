package org.preemptlab.backend.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals whole process groups ({@code kill -SIG -- -pgid}) and waits for them to change state.
 * Java's own {@code ProcessHandle.destroy*} signal one process only and would orphan its children.
 */
public final class ProcessGroups {

    private static final String KILL = findKill();

    private ProcessGroups() {}

    private static String findKill() {
        for (String candidate : List.of("/bin/kill", "/usr/bin/kill")) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        return null; // fall back to bash's builtin
    }

    /**
     * Sends {@code signal} (a name such as {@code STOP}, {@code CONT}, {@code TERM}, {@code KILL},
     * {@code USR1}) to every process of the group.
     *
     * @return true if the signal was delivered to at least one process
     */
    public static boolean signal(long pgid, String signal) {
        if (pgid <= 1) throw new IllegalArgumentException("The process group (" + pgid + ") must be > 1.");
        List<String> command = KILL != null
                ? List.of(KILL, "-s", signal, "--", "-" + pgid)
                : List.of("bash", "-c", "kill -s " + signal + " -- -" + pgid);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " -- -" + pgid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True if some process of the group still runs or holds memory (zombies do not count). */
    public static boolean isAlive(long pgid) {
        // fast path: a live leader still in its own group (one read instead of a scan of /proc)
        if (ProcStat.read(pgid).filter(s -> !s.isGone() && s.pgrp() == pgid).isPresent()) return true;
        return !ProcStat.liveGroupMembers(pgid).isEmpty();
    }

    /** True if the group has live members and every one of them is stopped (state T). */
    public static boolean isStopped(long pgid) {
        List<ProcStat> live = ProcStat.liveGroupMembers(pgid);
        if (live.isEmpty()) return false;
        for (ProcStat s : live) if (!s.isStopped()) return false;
        return true;
    }

    /** True if the group has live members and none of them is stopped. */
    public static boolean isRunning(long pgid) {
        List<ProcStat> live = ProcStat.liveGroupMembers(pgid);
        if (live.isEmpty()) return false;
        for (ProcStat s : live) if (s.isStopped()) return false;
        return true;
    }

    /** Polls until the group has no live member; true if it is gone before the timeout. */
    public static boolean awaitGone(long pgid, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (isAlive(pgid)) {
            if (System.nanoTime() > deadline) return false;
            if (!sleep(10)) return !isAlive(pgid);
        }
        return true;
    }

    /**
     * Ends a group: SIGTERM (and SIGCONT, so that stopped members can act on it), then after
     * {@code graceMillis} SIGKILL; waits until nothing is left (at most a few seconds more).
     *
     * @return true if the group is gone
     */
    public static boolean terminate(long pgid, long graceMillis) {
        if (!isAlive(pgid)) return true;
        signal(pgid, "TERM");
        signal(pgid, "CONT");
        if (awaitGone(pgid, graceMillis)) return true;
        return kill(pgid);
    }

    /** SIGKILL to the group, then waits until nothing is left. */
    public static boolean kill(long pgid) {
        if (!isAlive(pgid)) return true;
        signal(pgid, "KILL");
        return awaitGone(pgid, 5_000);
    }

    static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
