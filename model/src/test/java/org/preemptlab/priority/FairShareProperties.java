package org.preemptlab.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;

/** Fair-share over random account trees and usage. */
class FairShareProperties {

    /** A random tree of 1–6 accounts (random parents) and 1–10 users with random shares. */
    static AccountTree randomTree(SplittableRandom r) {
        AccountTree.Builder b = AccountTree.builder();
        int accounts = 1 + r.nextInt(6);
        List<String> names = new ArrayList<>(List.of("root"));
        for (int i = 0; i < accounts; i++) {
            String n = "a" + i;
            b.account(n, names.get(r.nextInt(names.size())), 1 + r.nextInt(50));
            names.add(n);
        }
        int users = 1 + r.nextInt(10);
        for (int i = 0; i < users; i++) b.user("u" + i, names.get(1 + r.nextInt(accounts)), 1 + r.nextInt(5));
        return b.build();
    }

    /** Usage for a random subset of users, sometimes with equal amounts (ties). */
    static Map<AssocKey, Double> randomUsage(SplittableRandom r, AccountTree tree) {
        Map<AssocKey, Double> m = new HashMap<>();
        for (AssocKey u : tree.userAssociations()) {
            int pick = r.nextInt(4);
            if (pick == 1) m.put(u, 100.0);
            else if (pick >= 2) m.put(u, (double) (1 + r.nextInt(1000)));
        }
        return m;
    }

    private static FairShareSnapshot compute(boolean fairTree, AccountTree t, Map<AssocKey, Double> usage) {
        UsageView v = UsageView.ofCharges(t, usage);
        return fairTree ? FairTree.compute(t, v) : ClassicFairShare.compute(t, v, 1);
    }

    @Property(tries = 300, seed = "20261206")
    void factorsAreBetweenZeroAndOne(@ForAll long seed, @ForAll boolean fairTree) {
        SplittableRandom r = new SplittableRandom(seed);
        AccountTree t = randomTree(r);
        FairShareSnapshot s = compute(fairTree, t, randomUsage(r, t));
        for (AssocKey u : t.userAssociations()) assertThat(s.factor(u)).isBetween(0.0, 1.0);
        if (fairTree) assertThat(t.userAssociations().stream().mapToDouble(s::factor).max().orElseThrow()).isEqualTo(1.0);
    }

    /** Below the first common ancestor, the branch with the higher Level FS holds the higher-ranked user. */
    @Property(tries = 300, seed = "20261206")
    void fairTreeRanksUsersConsistentlyWithLevelFairshare(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        AccountTree t = randomTree(r);
        FairShareSnapshot s = FairTree.compute(t, UsageView.ofCharges(t, randomUsage(r, t)));
        for (AssocKey u : t.userAssociations()) {
            for (AssocKey v : t.userAssociations()) {
                if (u.equals(v)) continue;
                List<AssocKey> cu = t.chain(u), cv = t.chain(v);
                AssocKey bu = u, bv = v; // the ancestors just below the first common one
                for (AssocKey a : cu) {
                    if (cv.contains(a)) break;
                    bu = a;
                }
                for (AssocKey a : cv) {
                    if (cu.contains(a)) break;
                    bv = a;
                }
                if (s.row(bu).levelFs() > s.row(bv).levelFs()) {
                    assertThat(s.factor(u)).as("%s (branch %s) vs %s (branch %s)", u, bu, v, bv).isGreaterThanOrEqualTo(s.factor(v));
                }
            }
        }
    }

    @Property(tries = 300, seed = "20261206")
    void moreUsageNeverRaisesAUsersFactor(@ForAll long seed, @ForAll boolean fairTree,
                                          @ForAll @LongRange(min = 1, max = 5000) long extra) {
        SplittableRandom r = new SplittableRandom(seed);
        AccountTree t = randomTree(r);
        Map<AssocKey, Double> usage = randomUsage(r, t);
        AssocKey who = t.userAssociations().get(r.nextInt(t.userAssociations().size()));
        double before = compute(fairTree, t, usage).factor(who);
        usage.merge(who, (double) extra, Double::sum);
        double after = compute(fairTree, t, usage).factor(who);
        assertThat(after).isLessThanOrEqualTo(before + 1e-12);
    }

    @Property(tries = 200, seed = "20261206")
    void usageHalvesOverOneHalfLife(@ForAll @IntRange(min = 1, max = 288) int periodsPerHalfLife,
                                    @ForAll @LongRange(min = 60, max = 3600) long period) {
        long halfLife = periodsPerHalfLife * period;
        if (halfLife < 3600) halfLife = ((3600 + period - 1) / period) * period;
        AccountTree t = AccountTree.builder().account("a", "root", 1).user("u", "a", 1).build();
        AssocKey u = AssocKey.user("u", "a");
        UsageLedger l = new UsageLedger(t, PriorityConfig.builder().halfLife(halfLife).calcPeriod(period).build(), 0);
        l.charge(u, 1000);
        l.advanceTo(halfLife);
        // Slurm's factor 1 − 0.693/h is a first-order 2^(−1/h): within 0.02 % of a half for h ≥ 1 h
        assertThat(l.raw(u)).isBetween(499.9, 500.1);
        l.advanceTo(2 * halfLife);
        assertThat(l.raw(u)).isBetween(249.9, 250.1);
    }
}
