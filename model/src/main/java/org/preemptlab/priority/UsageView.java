package org.preemptlab.priority;

import java.util.HashMap;
import java.util.Map;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;

/**
 * Raw (decayed) usage per association, an account's including everything under it (Slurm's
 * {@code usage_raw}, charged to a job's association and every ancestor up to root).
 */
@FunctionalInterface
public interface UsageView {

    double raw(AssocKey key);

    /** Usage given for user associations (and optionally charged directly to accounts), summed up the tree. */
    static UsageView ofCharges(AccountTree tree, Map<AssocKey, Double> charges) {
        Map<AssocKey, Double> sums = new HashMap<>();
        charges.forEach((k, v) -> {
            if (!tree.contains(k)) throw new IllegalArgumentException("no association " + k);
            for (AssocKey a : tree.chain(k)) sums.merge(a, v, Double::sum);
        });
        return k -> sums.getOrDefault(k, 0.0);
    }
}
