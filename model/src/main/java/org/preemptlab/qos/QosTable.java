package org.preemptlab.qos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The validated set of QOS records. Its preemption relation ("a may preempt b" when b is in a's
 * {@code Preempt} list) is acyclic: no QOS can, directly or through others, preempt itself, so the
 * relation's transitive closure is a strict partial order. Slurm itself accepts cycles and then
 * preempts back and forth; this model refuses them, naming the cycle.
 */
public final class QosTable {

    private final Map<String, Qos> byName;
    private final Map<String, Integer> tiers;

    private QosTable(Map<String, Qos> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        Map<String, Integer> t = new HashMap<>();
        for (String n : byName.keySet()) tier(n, t);
        this.tiers = Map.copyOf(t);
    }

    /** Only Slurm's default QOS {@code normal}, priority 0. */
    public static QosTable defaultTable() {
        return builder().add(Qos.of("normal", 0)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The QOS, or null. */
    public Qos get(String name) {
        return byName.get(name);
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Names in order. */
    public Set<String> names() {
        return byName.keySet();
    }

    public List<Qos> all() {
        return List.copyOf(byName.values());
    }

    /** Whether a job of QOS {@code preemptor} may preempt a running job of QOS {@code preemptee} (its Preempt list names it). */
    public boolean canPreempt(String preemptor, String preemptee) {
        Qos q = byName.get(preemptor);
        return q != null && q.preempt().contains(preemptee);
    }

    /** The highest QOS priority (the QOS factor's normaliser); 0 when all are 0. */
    public int maxPriority() {
        int max = 0;
        for (Qos q : byName.values()) max = Math.max(max, q.priority());
        return max;
    }

    /**
     * The length of the longest preemption chain below {@code name}: 0 when it preempts nothing,
     * otherwise 1 + the highest tier it may preempt. Strictly greater than the tier of every QOS it
     * may preempt, so it orders QOS the way the simulator's tiers do.
     */
    public int tier(String name) {
        Integer t = tiers.get(name);
        if (t == null) throw new IllegalArgumentException("no QOS \"" + name + "\"");
        return t;
    }

    private int tier(String name, Map<String, Integer> memo) {
        Integer known = memo.get(name);
        if (known != null) return known;
        int t = 0;
        for (String p : byName.get(name).preempt()) t = Math.max(t, 1 + tier(p, memo));
        memo.put(name, t);
        return t;
    }

    /** Equal when they hold the same records (a value: a scenario read back equals the one written). */
    @Override
    public boolean equals(Object o) {
        return o instanceof QosTable other && byName.equals(other.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    /** Collects QOS records; {@link #build()} validates them all and names every problem. */
    public static final class Builder {
        private final List<Qos> added = new ArrayList<>();

        private Builder() {}

        public Builder add(Qos q) {
            added.add(q);
            return this;
        }

        /** Every problem, each naming its place; empty when {@link #build()} will succeed. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            collect(out);
            return out;
        }

        public QosTable build() {
            List<String> out = new ArrayList<>();
            Map<String, Qos> byName = collect(out);
            if (!out.isEmpty()) throw new QosTableException(out);
            return new QosTable(byName);
        }

        private Map<String, Qos> collect(List<String> out) {
            Map<String, Qos> byName = new TreeMap<>();
            for (Qos q : added) {
                String path = "qos[" + q.name() + "]";
                if (q.name().isBlank()) {
                    out.add(path + ": the name is empty");
                    continue;
                }
                if (byName.containsKey(q.name())) {
                    out.add(path + ": given twice");
                    continue;
                }
                if (q.priority() < 0) out.add(path + ".priority: " + q.priority() + "; must be ≥ 0");
                if (q.graceSeconds() < 0) out.add(path + ".graceTime: " + q.graceSeconds() + "; must be ≥ 0");
                if (q.exemptSeconds() < -1) out.add(path + ".preemptExemptTime: " + q.exemptSeconds() + "; must be ≥ 0 (or -1 for none)");
                if (!(q.usageFactor() >= 0) || Double.isInfinite(q.usageFactor())) {
                    out.add(path + ".usageFactor: " + q.usageFactor() + "; must be a number ≥ 0");
                }
                out.addAll(q.limits().problems(path + ".limits"));
                byName.put(q.name(), q);
            }
            for (Qos q : byName.values()) {
                for (String p : q.preempt()) {
                    if (!byName.containsKey(p)) out.add("qos[" + q.name() + "].preempt: \"" + p + "\"; no such QOS");
                }
            }
            findCycles(byName, out);
            return byName;
        }

        /** Depth-first search; each cycle reported once, from its smallest name. */
        private static void findCycles(Map<String, Qos> byName, List<String> out) {
            Set<String> done = new java.util.HashSet<>();
            Set<String> reported = new java.util.HashSet<>();
            for (String start : byName.keySet()) {
                dfs(start, byName, new ArrayList<>(), new LinkedHashSet<>(), done, reported, out);
            }
        }

        private static void dfs(String n, Map<String, Qos> byName, List<String> stack, Set<String> onStack,
                                Set<String> done, Set<String> reported, List<String> out) {
            if (done.contains(n)) return;
            stack.add(n);
            onStack.add(n);
            for (String p : byName.get(n).preempt()) {
                if (!byName.containsKey(p)) continue;
                if (onStack.contains(p)) {
                    List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(p), stack.size()));
                    String key = canonical(cycle);
                    if (reported.add(key)) {
                        int min = cycle.indexOf(Collections.min(cycle));
                        List<String> rotated = new ArrayList<>(cycle.subList(min, cycle.size()));
                        rotated.addAll(cycle.subList(0, min));
                        rotated.add(rotated.get(0));
                        out.add("qos[" + rotated.get(0) + "].preempt: cycle " + String.join(" → ", rotated)
                                + "; preemption must be a strict order (no QOS may preempt itself, directly or through others)");
                    }
                } else {
                    dfs(p, byName, stack, onStack, done, reported, out);
                }
            }
            stack.remove(stack.size() - 1);
            onStack.remove(n);
            done.add(n);
        }

        private static String canonical(List<String> cycle) {
            int min = cycle.indexOf(Collections.min(cycle));
            List<String> r = new ArrayList<>(cycle.subList(min, cycle.size()));
            r.addAll(cycle.subList(0, min));
            return String.join(" ", r);
        }
    }
}
