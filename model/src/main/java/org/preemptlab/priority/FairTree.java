package org.preemptlab.priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;

/**
 * Slurm's Fair Tree fair-share (the default since 19.05; {@code fair_tree.html}).
 *
 * <p>Every association gets a level fair-share LF = S / U with S = its shares / the shares of
 * itself and its siblings, U = its raw usage / its parent's raw usage (LF = ∞ without usage, also
 * when the parent has none). Siblings are visited in descending LF, depth first; users are ranked in
 * the order they are met, from N (the number of user associations) down, and a user's factor is
 * rank / N. Ties: sibling users with equal LF share a rank; a user tied with a sibling account
 * gets the rank of that account's highest-ranked user (users are sorted before accounts on a tie);
 * sibling accounts with equal LF have their children merged before descending.
 */
public final class FairTree {

    private FairTree() {}

    public static FairShareSnapshot compute(AccountTree tree, UsageView usage) {
        // every calc tick: each association's row is made once, with its factor (the visit needs only the levels), and the
        // snapshot takes the map as it is (no second row per user, no copy)
        java.util.Set<AssocKey> keys = tree.keys();
        int m = keys.size();
        double[] norm = new double[m], raws = new double[m], effective = new double[m], levels = new double[m];
        Map<AssocKey, Double> lf = new HashMap<>(2 * m);
        int x = 0;
        for (AssocKey k : keys) {
            AssocKey p = tree.parent(k);
            double s = (double) tree.get(k).shares() / tree.levelShares(k);
            double raw = usage.raw(k);
            double parentRaw = p == null ? 0 : usage.raw(p);
            double u = parentRaw == 0 ? 0 : raw / parentRaw;
            double level = p == null ? Double.NaN : (u == 0 ? Double.POSITIVE_INFINITY : s / u);
            norm[x] = s;
            raws[x] = raw;
            effective[x] = u;
            levels[x++] = level;
            lf.put(k, level);
        }
        int n = tree.userAssociations().size();
        Map<AssocKey, Double> factor = new HashMap<>(2 * n + 2);
        int[] rank = {n};
        int[] rnt = {n};
        visit(tree, tree.children(AssocKey.ROOT), false, lf, factor, rank, rnt, n);
        HashMap<AssocKey, FairShareRow> rows = new HashMap<>(2 * m);
        x = 0;
        for (AssocKey k : keys) {
            Double f = factor.get(k);
            rows.put(k, new FairShareRow(k, tree.get(k).shares(), norm[x], raws[x], effective[x], levels[x], f == null ? Double.NaN : f));
            x++;
        }
        return FairShareSnapshot.owning(rows);
    }

    /** A sibling and its level fair-share, read once per visit (not per comparison of the sort). */
    private record Sibling(AssocKey key, double level) {}

    /** Descending level fair-share (as {@code comparingDouble(k -> -level)}); on equal levels users before accounts. */
    private static final Comparator<Sibling> SIBLING_ORDER = (a, b) -> {
        int c = Double.compare(-a.level(), -b.level());
        if (c != 0) return c;
        return Integer.compare(a.key().isUser() ? 0 : 1, b.key().isUser() ? 0 : 1);
    };

    private static void visit(AccountTree tree, List<AssocKey> siblings, boolean accountTied, Map<AssocKey, Double> lf,
                              Map<AssocKey, Double> factor, int[] rank, int[] rnt, int n) {
        List<Sibling> sorted = new ArrayList<>(siblings.size());
        for (AssocKey k : siblings) sorted.add(new Sibling(k, lf.get(k)));
        // descending LF; on equal LF users first; otherwise keep key order (stable sort)
        sorted.sort(SIBLING_ORDER);
        double prev = Double.NaN;
        for (int i = 0; i < sorted.size(); i++) {
            AssocKey k = sorted.get(i).key();
            double level = sorted.get(i).level();
            boolean tied = (i == 0 && accountTied) || level == prev;
            if (k.isUser()) {
                if (!tied) rank[0] = rnt[0];
                factor.put(k, n == 0 ? 0 : (double) rank[0] / n);
                rnt[0]--;
            } else {
                List<AssocKey> merged = new ArrayList<>(tree.children(k));
                int j = i + 1;
                while (j < sorted.size() && !sorted.get(j).key().isUser() && sorted.get(j).level() == level) {
                    merged.addAll(tree.children(sorted.get(j).key()));
                    j++;
                }
                visit(tree, merged, tied, lf, factor, rank, rnt, n);
                i = j - 1;
            }
            prev = level;
        }
    }
}
