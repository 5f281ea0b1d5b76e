package org.preemptlab.priority;

import java.util.HashMap;
import java.util.Map;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;

/**
 * Slurm's classic fair-share ({@code PriorityFlags=NO_FAIR_TREE}; {@code classic_fair_share.html}).
 *
 * <p>Normalised shares S = Π (shares / shares of itself and its siblings) up to root. Normalised
 * usage U<sub>N</sub> = raw usage / root's raw usage (at most 1). Effective usage U<sub>E</sub> =
 * U<sub>N</sub> for an association directly under root, otherwise U<sub>A</sub> + (U<sub>E,parent</sub>
 * − U<sub>A</sub>) · S<sub>child</sub> / S<sub>all siblings</sub> with raw shares. The factor is
 * F = 2<sup>−U<sub>E</sub>/S/d</sup>, d the {@code FairShareDampeningFactor}.
 */
public final class ClassicFairShare {

    private ClassicFairShare() {}

    /** From decayed raw usage (normalised against root's). */
    public static FairShareSnapshot compute(AccountTree tree, UsageView usage, int dampening) {
        double total = usage.raw(AssocKey.ROOT);
        return computeNormalized(tree, k -> total == 0 ? 0 : Math.min(1, usage.raw(k) / total), usage, dampening);
    }

    /**
     * From usage already normalised to the machine (fractions, an account's including its subtree),
     * as the documentation's worked example gives it.
     */
    public static FairShareSnapshot computeNormalized(AccountTree tree, UsageView normalized, int dampening) {
        return computeNormalized(tree, normalized, normalized, dampening);
    }

    private static FairShareSnapshot computeNormalized(AccountTree tree, UsageView norm, UsageView raw, int dampening) {
        Map<AssocKey, Double> shares = new HashMap<>();
        Map<AssocKey, Double> eff = new HashMap<>();
        Map<AssocKey, FairShareRow> rows = new HashMap<>();
        shares.put(AssocKey.ROOT, 1.0);
        eff.put(AssocKey.ROOT, 1.0);
        rows.put(AssocKey.ROOT, new FairShareRow(AssocKey.ROOT, tree.root().shares(), 1, raw.raw(AssocKey.ROOT), 1, Double.NaN, Double.NaN));
        walk(tree, AssocKey.ROOT, norm, raw, dampening, shares, eff, rows);
        return new FairShareSnapshot(rows);
    }

    private static void walk(AccountTree tree, AssocKey parent, UsageView norm, UsageView raw, int damp,
                             Map<AssocKey, Double> shares, Map<AssocKey, Double> eff, Map<AssocKey, FairShareRow> rows) {
        for (AssocKey k : tree.children(parent)) {
            Association a = tree.get(k);
            double ratio = (double) a.shares() / tree.levelShares(k);
            double s = shares.get(parent) * ratio;
            double ua = norm.raw(k);
            double ue = parent.isRoot() ? ua : ua + (eff.get(parent) - ua) * ratio;
            shares.put(k, s);
            eff.put(k, ue);
            double f = k.isUser() ? factor(ue, s, damp) : Double.NaN;
            rows.put(k, new FairShareRow(k, a.shares(), s, raw.raw(k), ue, Double.NaN, f));
            walk(tree, k, norm, raw, damp, shares, eff, rows);
        }
    }

    /** F = 2^(−(U<sub>E</sub>/S)/d); 0 when S ≤ 0. */
    public static double factor(double effectiveUsage, double normShares, int dampening) {
        if (normShares <= 0) return 0;
        return Math.pow(2.0, -((effectiveUsage / normShares) / dampening));
    }
}
