package org.preemptlab.reservation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One advance reservation, as {@code scontrol create reservation} makes it. Times in seconds.
 *
 * @param name       ReservationName; jobs name it to run in it ({@code sbatch --reservation})
 * @param nodes      the reserved node indices, sorted (for a node count: the nodes chosen when the
 *                   scenario was read, see {@link ReservationPlan#chooseNodes})
 * @param nodeCount  NodeCnt asked for (0: the nodes were named)
 * @param pool       the pool a node count is taken from, or empty (any pool)
 * @param users      Users=: the users who may use it, or (every name preceded by {@code -}) the users
 *                   who may not; empty: no condition on users ({@link #refuses})
 * @param accounts   Accounts=: the same for accounts
 * @param start      StartTime, s
 * @param duration   Duration, s, ≥ 1
 * @param recurrence ONCE or HOURLY, DAILY, WEEKDAY, WEEKEND, WEEKLY
 * @param flags      MAINT, FLEX, IGNORE_JOBS, PURGE_COMP, REPLACE
 * @param purgeAfter PURGE_COMP's time: purged if no job started within it of the start, s
 * @param jobs       ids of the jobs that name it
 */
public record ReservationSpec(String name, int[] nodes, int nodeCount, String pool, List<String> users,
        List<String> accounts, long start, long duration, Recurrence recurrence, Set<ReservationFlag> flags,
        long purgeAfter, Set<Integer> jobs) {

    /** Slurm's PURGE_COMP default: 5 minutes. */
    public static final long DEFAULT_PURGE_AFTER = 300;

    public ReservationSpec {
        Objects.requireNonNull(name, "name");
        nodes = nodes == null ? new int[0] : nodes.clone();
        Arrays.sort(nodes);
        pool = pool == null ? "" : pool;
        users = users == null ? List.of() : List.copyOf(users);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        recurrence = recurrence == null ? Recurrence.ONCE : recurrence;
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        jobs = jobs == null ? Set.of() : Set.copyOf(jobs);
        if (duration < 1) throw new IllegalArgumentException("reservation " + name + ": duration is " + duration + "; must be ≥ 1");
        if (start < 0) throw new IllegalArgumentException("reservation " + name + ": start is " + start + "; must be ≥ 0");
    }

    public long end() {
        return start + duration;
    }

    public boolean has(ReservationFlag flag) {
        return flags.contains(flag);
    }

    /** May a job of this account use it (whatever its user)? */
    public boolean admitsAccount(String account) {
        return admits(accounts, account);
    }

    /**
     * Why a job of {@code user} in {@code account} may not use this reservation, or null if it may.
     * Slurm's rule (scontrol(1), Users= and Accounts=; the reservation guide's {@code account=foo
     * user=-alan}): each list that is given must admit the job — a list of names admits those
     * names, a list of {@code -name}s admits every other name — so with both lists a job must
     * match both. {@code user} is null for a job that carries no user (a version-1 scenario's
     * job): Users= does not apply to it.
     */
    public String refuses(String user, String account) {
        if (user != null && !admits(users, user)) {
            return "its user " + quote(user) + (denies(users) ? " is denied it (Users=" : " is not one of its users (Users=")
                    + String.join(",", users) + ")";
        }
        if (!admits(accounts, account)) {
            return "its account " + quote(account) + (denies(accounts) ? " is denied it (Accounts="
                    : " is not one of its accounts (Accounts=") + String.join(",", accounts) + ")";
        }
        return null;
    }

    /** True if the list names the ones denied ({@code -name}s), not the ones admitted. */
    public static boolean denies(List<String> names) {
        return !names.isEmpty() && names.get(0).startsWith("-");
    }

    private static boolean admits(List<String> names, String name) {
        if (names.isEmpty()) return true;
        if (denies(names)) return !names.contains("-" + name);
        return names.contains(name);
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** The same reservation from another start (the Gantt drags it). */
    public ReservationSpec withStart(long newStart) {
        return new ReservationSpec(name, nodes, nodeCount, pool, users, accounts, newStart, duration, recurrence, flags,
                purgeAfter, jobs);
    }

    public ReservationSpec withJobs(Set<Integer> ids) {
        return new ReservationSpec(name, nodes, nodeCount, pool, users, accounts, start, duration, recurrence, flags,
                purgeAfter, ids);
    }

    /** The flags as Slurm writes them ({@code MAINT,FLEX,WEEKLY}), or empty. */
    public String flagText() {
        StringBuilder sb = new StringBuilder();
        for (ReservationFlag f : ReservationFlag.values()) if (flags.contains(f)) sb.append(sb.isEmpty() ? "" : ",").append(f.name());
        if (recurrence != Recurrence.ONCE) sb.append(sb.isEmpty() ? "" : ",").append(recurrence.flag());
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReservationSpec r && r.name.equals(name) && Arrays.equals(r.nodes, nodes)
                && r.nodeCount == nodeCount && r.pool.equals(pool) && r.users.equals(users)
                && r.accounts.equals(accounts) && r.start == start && r.duration == duration
                && r.recurrence == recurrence && r.flags.equals(flags) && r.purgeAfter == purgeAfter
                && r.jobs.equals(jobs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(nodes), start, duration, recurrence, flags);
    }
}
