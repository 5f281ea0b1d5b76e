package org.preemptlab.priority;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;

/**
 * The fair-share factors of every association at one calc tick (Slurm computes them every
 * {@code PriorityCalcPeriod}, not continuously). Immutable.
 */
public final class FairShareSnapshot {

    /**
     * By association: a hash map, not a sorted one (a look-up per pending job and partition at every tick compared keys'
     * strings; {@link AssocKey}'s order agrees with its equality, so both find the same row); sorted for {@link #rows}.
     */
    private final Map<AssocKey, FairShareRow> rows;

    FairShareSnapshot(Map<AssocKey, FairShareRow> rows) {
        this(Collections.unmodifiableMap(new HashMap<>(rows)), true);
    }

    private FairShareSnapshot(Map<AssocKey, FairShareRow> rows, boolean owned) {
        this.rows = rows;
    }

    /** A snapshot of {@code rows}, a hash map the caller made for it and hands over (not copied; nobody changes it after). */
    static FairShareSnapshot owning(HashMap<AssocKey, FairShareRow> rows) {
        return new FairShareSnapshot(Collections.unmodifiableMap(rows), true);
    }

    /** Fair Tree, or classic when the config says {@code NO_FAIR_TREE}. */
    public static FairShareSnapshot compute(AccountTree tree, UsageView usage, PriorityConfig config) {
        return config.fairTree() ? FairTree.compute(tree, usage) : ClassicFairShare.compute(tree, usage, config.dampeningFactor());
    }

    /** The user association's fair-share factor in [0, 1]; 0 for an unknown association. */
    public double factor(AssocKey user) {
        FairShareRow r = rows.get(user);
        return r == null || Double.isNaN(r.factor()) ? 0 : r.factor();
    }

    /** The row of any association, or null. */
    public FairShareRow row(AssocKey key) {
        return rows.get(key);
    }

    /** All rows, in key order. */
    public List<FairShareRow> rows() {
        return List.copyOf(new TreeMap<>(rows).values());
    }
}
