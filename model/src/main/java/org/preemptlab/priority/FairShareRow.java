package org.preemptlab.priority;

import org.preemptlab.account.AssocKey;

/**
 * One association's fair-share numbers, as {@code sshare -l} lists them.
 *
 * @param key            the association
 * @param rawShares      {@code Fairshare=}
 * @param normShares     Fair Tree: shares / shares of itself and its siblings; classic: the product of those ratios up to root
 * @param rawUsage       decayed usage (TRES-seconds × usage factor), its subtree included
 * @param effectiveUsage Fair Tree: raw usage / the parent's raw usage; classic: Slurm's effective usage U<sub>E</sub>
 * @param levelFs        Fair Tree's level fair-share S / U (infinite without usage); NaN for classic
 * @param factor         the fair-share factor in [0, 1] (users); NaN for accounts
 */
public record FairShareRow(AssocKey key, long rawShares, double normShares, double rawUsage, double effectiveUsage,
                           double levelFs, double factor) {
}
