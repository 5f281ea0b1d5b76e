package org.preemptlab.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.preemptlab.job.JobState;
import org.preemptlab.reservation.ReservationFlag;
import org.preemptlab.reservation.ReservationPlan;
import org.preemptlab.reservation.ReservationSpec;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.Reservation;
import org.preemptlab.sched.Reservations;

/**
 * The engine's side of advance reservations: puts their occurrences in the list every policy sees
 * (beside the maintenance windows), asks for a scheduling pass when one begins or ends, logs both,
 * and carries out the flags that change a reservation while the run goes on: PURGE_COMP (the
 * remaining occurrences are dropped once its jobs are done, or when none started within
 * {@code purgeAfter}) and REPLACE (a node that is down or held by a job not in it is swapped for an
 * idle one). Only the engine changes the list; policies read it through the snapshot.
 */
final class ReservationBook {

    /** What the engine logs. */
    interface Log {
        void log(LogKind kind, int[] nodes, Reason reason);
    }

    private final List<ReservationSpec> specs;
    private final Map<String, ReservationSpec> byName = new HashMap<>();
    private final List<Reservation> shared;
    /** Occurrences that have not ended yet (their begin or end is still to log). */
    private final List<Reservation> pending = new ArrayList<>();
    private final Set<Reservation> begun = new HashSet<>();
    /** PURGE_COMP reservations in which a job has started in the current occurrence. */
    private final Set<String> used = new HashSet<>();
    private final Set<String> purged = new HashSet<>();
    private final boolean dynamic;

    ReservationBook(List<ReservationSpec> specs, long until, List<Reservation> shared, EventQueue events) {
        this.specs = List.copyOf(specs);
        this.shared = shared;
        boolean dyn = false;
        for (ReservationSpec r : specs) {
            byName.put(r.name(), r);
            dyn |= r.has(ReservationFlag.PURGE_COMP) || r.has(ReservationFlag.REPLACE);
        }
        this.dynamic = dyn;
        for (Reservation o : ReservationPlan.occurrences(specs, until)) {
            shared.add(o);
            pending.add(o);
            events.add(new SimEvent.Wakeup(o.start()));
            events.add(new SimEvent.Wakeup(o.end()));
            ReservationSpec r = byName.get(o.name());
            if (r.has(ReservationFlag.PURGE_COMP)) events.add(new SimEvent.Wakeup(o.start() + Math.max(1, r.purgeAfter())));
        }
    }

    boolean isEmpty() {
        return specs.isEmpty();
    }

    /**
     * Brings the reservations up to {@code now}: logs occurrences that begin or end, purges and
     * replaces nodes as the flags say. True if anything changed that a policy should see.
     *
     * @param holding jobs holding nodes (running, checkpointing, stopping, suspended)
     * @param waiting queued jobs
     * @param down    nodes out of service
     */
    boolean update(long now, Collection<? extends org.preemptlab.job.JobView> holding,
            Collection<? extends org.preemptlab.job.JobView> waiting, IntPredicate down, Log log) {
        boolean changed = false;
        for (int i = 0; i < pending.size(); i++) {
            Reservation o = pending.get(i);
            if (o.start() > now) break; // by start: the rest begin later
            if (!begun.contains(o)) {
                begun.add(o);
                used.remove(o.name());
                log.log(LogKind.RESERVATION_BEGIN, o.nodes(), Reason.of("reservation " + o.name() + " begins"
                        + (o.flex() ? " (FLEX)" : "")));
                changed = true;
            }
            if (o.end() <= now) {
                if (begun.contains(o)) {
                    log.log(LogKind.RESERVATION_END, o.nodes(), Reason.of("reservation " + o.name() + " ends"));
                }
                begun.remove(o);
                pending.remove(i--);
                shared.remove(o);
                changed = true;
            }
        }
        if (!dynamic) return changed;
        for (ReservationSpec r : specs) {
            if (purged.contains(r.name())) continue;
            Reservation active = active(r.name(), now);
            if (active == null) continue;
            if (r.has(ReservationFlag.PURGE_COMP)) changed |= purgeIfDone(r, active, now, holding, waiting, log);
            if (r.nodeCount() > 0 && r.has(ReservationFlag.REPLACE) && !purged.contains(r.name())) {
                changed |= replace(r, active, holding, down, log);
            }
        }
        return changed;
    }

    private Reservation active(String name, long now) {
        for (Reservation o : shared) if (o.name().equals(name) && o.start() <= now && now < o.end()) return o;
        return null;
    }

    private boolean purgeIfDone(ReservationSpec r, Reservation active, long now,
            Collection<? extends org.preemptlab.job.JobView> holding,
            Collection<? extends org.preemptlab.job.JobView> waiting, Log log) {
        boolean inUse = false;
        for (var j : holding) {
            if (active.admits(j.spec())) {
                inUse = true;
                break;
            }
        }
        if (inUse) {
            used.add(r.name());
            return false;
        }
        if (used.contains(r.name())) {
            // the last job has completed once none of its jobs holds nodes or waits
            for (var j : waiting) if (active.admits(j.spec())) return false;
        } else if (now < active.start() + Math.max(1, r.purgeAfter())) {
            return false;
        }
        purged.add(r.name());
        log.log(LogKind.RESERVATION_END, active.nodes(), Reason.of("reservation " + r.name() + " purged (PURGE_COMP): "
                + (used.contains(r.name()) ? "its last job has completed" : "no job started in it within "
                + org.preemptlab.time.SimTime.duration(Math.max(1, r.purgeAfter())) + " of its start")));
        shared.removeIf(o -> o.name().equals(r.name()));
        pending.removeIf(o -> o.name().equals(r.name()));
        begun.removeIf(o -> o.name().equals(r.name()));
        return true;
    }

    /** REPLACE: swaps nodes that are down or held by jobs not in the reservation for idle ones. */
    private boolean replace(ReservationSpec r, Reservation active, Collection<? extends org.preemptlab.job.JobView> holding,
            IntPredicate down, Log log) {
        BitSet busyByOthers = new BitSet();
        BitSet busy = new BitSet();
        for (var j : holding) {
            if (j.placement() == null || !j.placement().isConcrete()) continue;
            for (int node : j.placement().nodes()) {
                busy.set(node);
                if (!active.admits(j.spec())) busyByOthers.set(node);
            }
        }
        List<Integer> bad = new ArrayList<>();
        for (int node : active.nodes()) if (down.test(node) || busyByOthers.get(node)) bad.add(node);
        if (bad.isEmpty()) return false;
        BitSet reserved = new BitSet();
        for (Reservation o : shared) {
            if (o.start() < active.end() && active.start() < o.end()) for (int node : o.nodes()) reserved.set(node);
        }
        int[] nodes = active.nodes().clone();
        int nodeCount = poolOfNode == null ? 0 : poolOfNode.length;
        boolean changed = false;
        int candidate = 0;
        for (int k = 0; k < nodes.length; k++) {
            if (!bad.contains(nodes[k])) continue;
            while (candidate < nodeCount && (reserved.get(candidate) || busy.get(candidate) || down.test(candidate)
                    || !samePool(candidate, nodes[k]))) {
                candidate++;
            }
            if (candidate >= nodeCount) break;
            Reason why = Reason.of("reservation " + r.name() + " replaces node " + nodeName.apply(nodes[k])
                    + " (REPLACE: it is down or busy) by idle node " + nodeName.apply(candidate));
            if (begun.contains(active)) {
                log.log(LogKind.RESERVATION_END, new int[] {nodes[k]}, why);
                log.log(LogKind.RESERVATION_BEGIN, new int[] {candidate}, why);
            }
            reserved.set(candidate);
            nodes[k] = candidate++;
            changed = true;
        }
        if (!changed) return false;
        java.util.Arrays.sort(nodes);
        Reservation replaced = active.with(nodes, active.end());
        shared.set(shared.indexOf(active), replaced);
        int p = pending.indexOf(active);
        if (p >= 0) pending.set(p, replaced);
        if (begun.remove(active)) begun.add(replaced);
        return true;
    }

    /** A suspended job a reservation kept from resuming: in which of its segments, by which reservation. */
    private record Kept(int segment, String name) {}

    /** Suspended jobs a reservation keeps from resuming (job index → …), for the resume's reason. */
    private final Map<Integer, Kept> kept = new HashMap<>();

    /**
     * The reservation that keeps the suspended (or time-sliced) job {@code r} from resuming on its
     * nodes at {@code now}, or null: it resumes only where it could start, i.e. if over its
     * remaining time limit, [now, now + remaining), it may use all its nodes
     * ({@link Reservations#forbidding}). Maintenance windows are not asked (they evict suspended
     * jobs when they begin). Changes nothing.
     */
    Reservation keepsSuspended(JobRun r, long now) {
        if (pending.isEmpty() || r.placement() == null || r.placement().nodes() == null) return null;
        return Reservations.forbidding(pending, r.spec(), r.placement().nodes(), now, now + r.remainingEstimateFromWork());
    }

    /** As {@link #keepsSuspended}, remembering the reservation for the reason of the job's resume. */
    boolean keep(JobRun r, long now) {
        Reservation by = keepsSuspended(r, now);
        if (by != null) kept.put(r.index(), new Kept(r.segment(), by.name()));
        return by != null;
    }

    /**
     * The reason for resuming {@code r} (asked before it resumes): {@code otherwise}, or that the
     * reservation that kept it suspended no longer needs its nodes.
     */
    Reason resumeReason(JobRun r, Reason otherwise) {
        Kept by = kept.isEmpty() ? null : kept.remove(r.index());
        if (by == null || by.segment() != r.segment()) return otherwise;
        return Reason.of("reservation " + by.name() + " no longer needs its nodes: resumed on the same nodes (a suspended job"
                + " resumes only where it could start)");
    }

    private int[] poolOfNode;

    private java.util.function.IntFunction<String> nodeName = new NumberNames();

    /** Nodes named by their numbers until the engine says otherwise; a class, not {@code Integer::toString}: no lambda. */
    private static final class NumberNames implements java.util.function.IntFunction<String> {
        @Override
        public String apply(int node) {
            return Integer.toString(node);
        }
    }

    /** Set by the engine: the pool of each node (REPLACE keeps a node's pool) and the nodes' names. */
    void nodes(int[] poolOfNode, java.util.function.IntFunction<String> names) {
        this.poolOfNode = poolOfNode;
        this.nodeName = names;
    }

    private boolean samePool(int a, int b) {
        return poolOfNode == null || poolOfNode[a] == poolOfNode[b];
    }

}
