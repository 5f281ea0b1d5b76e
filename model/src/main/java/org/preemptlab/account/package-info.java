/**
 * The account tree (Slurm's associations): accounts with parents and {@code Fairshare=} shares,
 * users as associations under accounts with their own shares, default QOS, allowed QOS, association
 * priority and limits. Validated as a whole; errors name the place, e.g.
 * {@code accounts[chem].shares: -1; must be ≥ 1}. Depends on {@code limits} and {@code tres}.
 */
package org.preemptlab.account;
