package org.preemptlab.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.preemptlab.limits.LimitSet;

/**
 * A validated account tree: root, accounts below it, users in accounts. Immutable.
 *
 * <p>Children are kept in {@link AssocKey} order (sub-accounts by name, then users by name), so every
 * traversal is deterministic. Inherited settings ({@code DefaultQOS}, {@code QOS}, {@code Priority},
 * Max limits) are resolved by walking up from a user to root, the way sacctmgr fills a new
 * association from its account.
 */
public final class AccountTree {

    private final Map<AssocKey, Association> byKey;
    private final Map<AssocKey, List<AssocKey>> children;
    private final List<AssocKey> users;
    private final Map<AssocKey, List<AssocKey>> chains = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<AssocKey, LimitSet> effectiveMax = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<AssocKey, Long> levelShares = new java.util.concurrent.ConcurrentHashMap<>();

    private AccountTree(Map<AssocKey, Association> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
        Map<AssocKey, List<AssocKey>> kids = new TreeMap<>();
        for (Association a : byKey.values()) kids.put(a.key(), new ArrayList<>());
        for (Association a : byKey.values()) {
            if (a.parent() != null) kids.get(AssocKey.account(a.parent())).add(a.key());
        }
        kids.values().forEach(Collections::sort);
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
        this.users = byKey.keySet().stream().filter(AssocKey::isUser).sorted().toList();
    }

    /** A tree with only root (every job then charges root). */
    public static AccountTree rootOnly() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The association, or null. */
    public Association get(AssocKey key) {
        return byKey.get(key);
    }

    public boolean contains(AssocKey key) {
        return byKey.containsKey(key);
    }

    public Association root() {
        return byKey.get(AssocKey.ROOT);
    }

    /** Sub-accounts then users directly under {@code account} (empty for a user). */
    public List<AssocKey> children(AssocKey key) {
        return children.getOrDefault(key, List.of());
    }

    /** The parent's key; null for root. */
    public AssocKey parent(AssocKey key) {
        Association a = byKey.get(key);
        return a == null || a.parent() == null ? null : AssocKey.account(a.parent());
    }

    /** {@code key} itself, then its parent, … up to and including root. */
    public List<AssocKey> chain(AssocKey key) {
        List<AssocKey> known = chains.get(key); // the tree never changes: asked for every waiting job on every pass
        if (known != null) return known;
        List<AssocKey> out = new ArrayList<>();
        for (AssocKey k = key; k != null; k = parent(k)) out.add(k);
        List<AssocKey> chain = java.util.Collections.unmodifiableList(out);
        chains.put(key, chain);
        return chain;
    }

    /** Every user association, sorted. */
    public List<AssocKey> userAssociations() {
        return users;
    }

    /** Every association (root, accounts, users) in key order. */
    public Set<AssocKey> keys() {
        return byKey.keySet();
    }

    /** Shares of {@code key} and all its siblings (Slurm's {@code level_shares}); its own shares for root. */
    public long levelShares(AssocKey key) {
        Long known = levelShares.get(key); // the tree never changes: asked for every association at every fair-share tick
        if (known != null) return known;
        AssocKey p = parent(key);
        long sum = 0;
        if (p == null) {
            sum = byKey.get(key).shares();
        } else {
            for (AssocKey s : children(p)) sum += byKey.get(s).shares();
        }
        levelShares.put(key, sum);
        return sum;
    }

    /** The default QOS of {@code key} (nearest set on the way up), or null when none is set. */
    public String defaultQos(AssocKey key) {
        for (AssocKey k : chain(key)) {
            String q = byKey.get(k).defaultQos();
            if (q != null) return q;
        }
        return null;
    }

    /** The QOS {@code key} may use (nearest non-empty list up the tree); empty means any. */
    public Set<String> allowedQos(AssocKey key) {
        for (AssocKey k : chain(key)) {
            Set<String> q = byKey.get(k).allowedQos();
            if (!q.isEmpty()) return q;
        }
        return Set.of();
    }

    /** Whether {@code key} may use {@code qos} (its allowed list, or any QOS when none is set). */
    public boolean mayUse(AssocKey key, String qos) {
        Set<String> allowed = allowedQos(key);
        return allowed.isEmpty() || allowed.contains(qos);
    }

    /** The association priority of {@code key} (nearest set up the tree), 0 when none is set. */
    public int priority(AssocKey key) {
        for (AssocKey k : chain(key)) {
            int p = byKey.get(k).priority();
            if (p >= 0) return p;
        }
        return 0;
    }

    /** The highest association priority in the tree (the normaliser of the association factor). */
    public int maxPriority() {
        int max = 0;
        for (AssocKey k : users) max = Math.max(max, priority(k));
        return max;
    }

    /**
     * A user association's effective Max limits: each limit as set on the association, else on the
     * nearest account above that sets it (Slurm's hierarchy "user association, account
     * association(s) ascending, root"). Grp limits are not inherited: they are checked at every
     * level against that level's subtree (see {@code accounting.AccountingPolicy}).
     */
    public LimitSet effectiveMaxLimits(AssocKey key) {
        return effectiveMax.computeIfAbsent(key, this::computeEffectiveMaxLimits);
    }

    private LimitSet computeEffectiveMaxLimits(AssocKey key) {
        long wall = LimitSet.UNSET, jobs = LimitSet.UNSET, submit = LimitSet.UNSET;
        org.preemptlab.tres.Tres perJob = org.preemptlab.tres.Tres.NONE;
        for (AssocKey k : chain(key)) {
            LimitSet l = byKey.get(k).limits();
            if (wall == LimitSet.UNSET) wall = l.maxWallSeconds();
            if (jobs == LimitSet.UNSET) jobs = l.maxJobsPerUser();
            if (submit == LimitSet.UNSET) submit = l.maxSubmitJobsPerUser();
            for (String name : l.maxTresPerJob().names()) {
                if (!perJob.has(name)) perJob = perJob.with(name, l.maxTresPerJob().get(name));
            }
        }
        return LimitSet.builder().maxWall(wall).maxJobsPerUser(jobs).maxSubmitJobsPerUser(submit).maxTresPerJob(perJob).build();
    }

    /** The QOS names the tree mentions (default and allowed lists), for cross-checking against the QOS table. */
    public Map<String, Set<String>> qosReferences() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Association a : byKey.values()) {
            if (a.defaultQos() != null) out.computeIfAbsent(a.defaultQos(), q -> new java.util.TreeSet<>()).add(a.key().path() + ".defaultQos");
            for (String q : a.allowedQos()) out.computeIfAbsent(q, x -> new java.util.TreeSet<>()).add(a.key().path() + ".qos");
        }
        return out;
    }

    /** Equal when they hold the same records (a value: a scenario read back equals the one written). */
    @Override
    public boolean equals(Object o) {
        return o instanceof AccountTree other && byKey.equals(other.byKey);
    }

    @Override
    public int hashCode() {
        return byKey.hashCode();
    }

    /** Collects associations; {@link #build()} validates them all and names every problem. */
    public static final class Builder {
        private final List<Association> added = new ArrayList<>();

        private Builder() {}

        /** Adds an account or a user association. Root is implicit (shares 1) unless added. */
        public Builder add(Association a) {
            added.add(a);
            return this;
        }

        public Builder account(String name, String parent, int shares) {
            return add(Association.account(name, parent, shares));
        }

        public Builder user(String user, String account, int shares) {
            return add(Association.user(user, account, shares));
        }

        /** Every problem, each naming its place; empty when {@link #build()} will succeed. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            Map<AssocKey, Association> byKey = collect(out);
            checkParents(byKey, out);
            return out;
        }

        public AccountTree build() {
            List<String> out = new ArrayList<>();
            Map<AssocKey, Association> byKey = collect(out);
            checkParents(byKey, out);
            if (!out.isEmpty()) throw new AccountTreeException(out);
            return new AccountTree(byKey);
        }

        private Map<AssocKey, Association> collect(List<String> out) {
            Map<AssocKey, Association> byKey = new LinkedHashMap<>();
            byKey.put(AssocKey.ROOT, Association.account(AssocKey.ROOT_NAME, null, 1));
            boolean rootGiven = false;
            for (Association a : added) {
                String path = a.key().path();
                if (a.key().account().isBlank() || (a.isUser() && a.key().user().isBlank())) {
                    out.add(path + ": the name is empty");
                    continue;
                }
                if (a.key().isRoot()) {
                    if (rootGiven) out.add(path + ": given twice");
                    rootGiven = true;
                    if (a.parent() != null) out.add(path + ".parent: \"" + a.parent() + "\"; root has no parent");
                } else if (byKey.containsKey(a.key())) {
                    out.add(path + ": given twice");
                    continue;
                }
                if (a.shares() < 1) out.add(path + ".shares: " + a.shares() + "; must be ≥ 1");
                if (a.priority() < -1) out.add(path + ".priority: " + a.priority() + "; must be ≥ 0 (or -1 to inherit)");
                if (!a.key().isRoot() && (a.parent() == null || a.parent().isBlank())) {
                    out.add(path + ".parent: missing; every account but root has a parent");
                }
                if (a.isUser() && !a.key().account().equals(a.parent())) {
                    out.add(path + ".parent: \"" + a.parent() + "\"; a user's parent is its account \"" + a.key().account() + "\"");
                }
                if (!a.limits().maxTresPerUser().isEmpty()) {
                    out.add(path + ".limits.maxTresPerUser: " + a.limits().maxTresPerUser() + "; associations have no MaxTRESPerUser (it is a QOS limit)");
                }
                out.addAll(a.limits().problems(path + ".limits"));
                if (a.defaultQos() != null && !a.allowedQos().isEmpty() && !a.allowedQos().contains(a.defaultQos())) {
                    out.add(path + ".defaultQos: \"" + a.defaultQos() + "\"; not in its QOS list " + a.allowedQos());
                }
                byKey.put(a.key(), a);
            }
            return byKey;
        }

        private static void checkParents(Map<AssocKey, Association> byKey, List<String> out) {
            for (Association a : byKey.values()) {
                if (a.parent() == null || a.parent().isBlank()) continue;
                AssocKey p = AssocKey.account(a.parent());
                if (!byKey.containsKey(p)) {
                    out.add(a.key().path() + (a.isUser() ? "" : ".parent") + ": \"" + a.parent() + "\"; no such account");
                }
            }
            // cycles among accounts: follow parents; a walk longer than the number of accounts loops
            Set<AssocKey> reported = new LinkedHashSet<>();
            for (Association a : byKey.values()) {
                if (a.isUser()) continue;
                List<String> walk = new ArrayList<>();
                AssocKey k = a.key();
                Set<AssocKey> seen = new LinkedHashSet<>();
                while (k != null && byKey.containsKey(k) && seen.add(k)) {
                    walk.add(k.account());
                    String p = byKey.get(k).parent();
                    k = p == null ? null : AssocKey.account(p);
                }
                if (k != null && seen.contains(k) && k.equals(a.key()) && reported.add(k)) {
                    walk.add(k.account());
                    seen.forEach(reported::add);
                    out.add(a.key().path() + ".parent: cycle " + String.join(" → ", walk) + "; accounts must form a tree under root");
                }
            }
        }
    }
}
