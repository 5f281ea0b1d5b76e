package org.preemptlab.account;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.preemptlab.limits.LimitSet;

/**
 * One association of the account tree.
 *
 * @param key        which account, or which user in which account
 * @param parent     the parent account's name (for a user: the account it is in); null only for root
 * @param shares     {@code Fairshare=}: its claim relative to its siblings, ≥ 1. ({@code Fairshare=parent}
 *                   is not modelled.)
 * @param priority   {@code Priority=} of the association (the multifactor association factor), or -1 to
 *                   inherit the parent's
 * @param defaultQos {@code DefaultQOS=}, or null to inherit the parent's
 * @param allowedQos {@code QOS=}: the QOS it may use; empty to inherit the parent's (empty at root = any)
 * @param limits     association limits ({@code GrpTRES}, {@code GrpJobs}, {@code MaxJobs}, …); Max
 *                   limits not set here are inherited from the nearest account above that sets them
 */
public record Association(AssocKey key, String parent, int shares, int priority, String defaultQos,
                          Set<String> allowedQos, LimitSet limits) {

    public Association {
        Objects.requireNonNull(key, "key");
        allowedQos = Set.copyOf(new TreeSet<>(Objects.requireNonNull(allowedQos, "allowedQos")));
        Objects.requireNonNull(limits, "limits");
    }

    /** An account under {@code parent} (null = root) with {@code shares}, nothing else set. */
    public static Association account(String name, String parent, int shares) {
        String p = name.equals(AssocKey.ROOT_NAME) ? null : (parent == null ? AssocKey.ROOT_NAME : parent);
        return new Association(AssocKey.account(name), p, shares, -1, null, Set.of(), LimitSet.NONE);
    }

    /** User {@code user} in {@code account} with {@code shares}, nothing else set. */
    public static Association user(String user, String account, int shares) {
        return new Association(AssocKey.user(user, account), account, shares, -1, null, Set.of(), LimitSet.NONE);
    }

    public boolean isUser() {
        return key.isUser();
    }

    public Association withShares(int s) {
        return new Association(key, parent, s, priority, defaultQos, allowedQos, limits);
    }

    public Association withPriority(int p) {
        return new Association(key, parent, shares, p, defaultQos, allowedQos, limits);
    }

    public Association withDefaultQos(String q) {
        return new Association(key, parent, shares, priority, q, allowedQos, limits);
    }

    public Association withAllowedQos(Set<String> q) {
        return new Association(key, parent, shares, priority, defaultQos, q, limits);
    }

    public Association withLimits(LimitSet l) {
        return new Association(key, parent, shares, priority, defaultQos, allowedQos, l);
    }

    public Association withParent(String p) {
        AssocKey k = isUser() ? AssocKey.user(key.user(), p) : key;
        return new Association(k, p, shares, priority, defaultQos, allowedQos, limits);
    }
}
