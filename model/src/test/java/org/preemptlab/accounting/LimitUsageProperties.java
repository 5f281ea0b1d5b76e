package org.preemptlab.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.tres.Tres;

/**
 * The counters (TRES totals added to in place, counters looked up once per job) against the immutable sums they
 * replaced, kept here as the reference ({@code Tres.plus} on a start, {@code Tres.minus} on an end or a requeue: a name
 * once added stays, at 0): after every submit, start, end, requeue and withdraw, every getter of every QOS, (QOS, user)
 * and association gives the same value — the same {@link Tres}, names and zeros included, as the limit messages print it.
 */
class LimitUsageProperties {

    @Property(tries = 200, seed = "20261207")
    void theCountersAreTheImmutableSums(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        QosTable.Builder qb = QosTable.builder();
        List<String> qosNames = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            qb.add(Qos.of("q" + i, i));
            qosNames.add("q" + i);
        }
        AccountTree.Builder tb = AccountTree.builder();
        List<String> accounts = new ArrayList<>(List.of("root"));
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            tb.account("a" + i, accounts.get(r.nextInt(accounts.size())), 1);
            accounts.add("a" + i);
        }
        List<AssocKey> users = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            String acct = accounts.get(1 + r.nextInt(accounts.size() - 1));
            AssocKey k = AssocKey.user("u" + r.nextInt(3), acct);
            if (users.contains(k)) continue;
            users.add(k);
            tb.user(k.user(), acct, 1);
        }
        AccountTree tree = tb.build();
        AccountingPolicy p = new AccountingPolicy(tree, qb.build(), List.of(PartitionTerms.of("batch", Tres.of(256, 0, 16))), false);
        LimitUsage usage = p.newUsage();
        Reference ref = new Reference(p);

        List<PendingJob> pending = new ArrayList<>();
        List<PendingJob> running = new ArrayList<>();
        long nextId = 1;
        for (int step = 0; step < 150; step++) {
            int op = r.nextInt(10);
            if (op < 4 || pending.isEmpty() && running.isEmpty()) {
                AssocKey u = users.get(r.nextInt(users.size()));
                Tres t = Tres.NONE;
                if (r.nextInt(5) > 0) t = t.with(Tres.CPU, r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(64));
                if (r.nextBoolean()) t = t.with(Tres.MEM, 1 + r.nextInt(100_000));
                if (r.nextInt(3) == 0) t = t.with(Tres.GPU, r.nextInt(4));
                if (r.nextInt(4) == 0) t = t.with(Tres.NODE, 1 + r.nextInt(3));
                PendingJob j = new PendingJob(nextId++, u.user(), u.account(), qosNames.get(r.nextInt(qosNames.size())),
                        "batch", t, 3600, 0, 0, 0);
                usage.submit(j);
                ref.submit(j);
                pending.add(j);
            } else if (op < 7 && !pending.isEmpty()) {
                PendingJob j = pending.remove(r.nextInt(pending.size()));
                if (r.nextInt(6) == 0) {
                    usage.withdraw(j);
                    ref.withdraw(j);
                } else {
                    usage.start(j);
                    ref.start(j);
                    running.add(j);
                }
            } else if (!running.isEmpty()) {
                PendingJob j = running.remove(r.nextInt(running.size()));
                if (r.nextInt(4) == 0) {
                    usage.requeue(j);
                    ref.requeue(j);
                    pending.add(j);
                } else {
                    usage.end(j);
                    ref.end(j);
                }
            }
            for (String q : qosNames) {
                assertThat(usage.qosRunningTres(q)).isEqualTo(ref.qosTres.getOrDefault(q, Tres.NONE));
                assertThat(usage.qosRunningTres(q).toString()).isEqualTo(ref.qosTres.getOrDefault(q, Tres.NONE).toString());
                assertThat(usage.qosRunningJobs(q)).isEqualTo(ref.count(ref.qosJobs, q, 0));
                assertThat(usage.qosSubmittedJobs(q)).isEqualTo(ref.count(ref.qosJobs, q, 1));
                for (AssocKey u : users) {
                    List<String> qu = List.of(q, u.user());
                    assertThat(usage.qosUserRunningTres(q, u.user())).isEqualTo(ref.qosUserTres.getOrDefault(qu, Tres.NONE));
                    assertThat(usage.qosUserRunningJobs(q, u.user())).isEqualTo(ref.count(ref.qosUserJobs, qu, 0));
                    assertThat(usage.qosUserSubmittedJobs(q, u.user())).isEqualTo(ref.count(ref.qosUserJobs, qu, 1));
                }
            }
            for (AssocKey k : tree.keys()) {
                assertThat(usage.assocRunningTres(k)).isEqualTo(ref.assocTres.getOrDefault(k, Tres.NONE));
                assertThat(usage.assocRunningTres(k).toString()).isEqualTo(ref.assocTres.getOrDefault(k, Tres.NONE).toString());
                assertThat(usage.assocRunningJobs(k)).isEqualTo(ref.count(ref.assocJobs, k, 0));
                assertThat(usage.assocSubmittedJobs(k)).isEqualTo(ref.count(ref.assocJobs, k, 1));
            }
            for (PendingJob j : pending) assertThat(usage.isRunning(j.jobId())).isFalse();
            for (PendingJob j : running) assertThat(usage.isRunning(j.jobId())).isTrue();
        }
    }

    /** The counters as they were kept before (immutable TRES sums merged by {@code plus}, replaced by {@code minus}). */
    private static final class Reference {
        final AccountingPolicy policy;
        final Map<String, long[]> qosJobs = new HashMap<>();
        final Map<String, Tres> qosTres = new HashMap<>();
        final Map<List<String>, long[]> qosUserJobs = new HashMap<>();
        final Map<List<String>, Tres> qosUserTres = new HashMap<>();
        final Map<AssocKey, long[]> assocJobs = new HashMap<>();
        final Map<AssocKey, Tres> assocTres = new HashMap<>();

        Reference(AccountingPolicy policy) {
            this.policy = policy;
        }

        <K> long count(Map<K, long[]> m, K k, int which) {
            return m.getOrDefault(k, new long[2])[which];
        }

        private void add(JobRequest j, int run, int submitted, boolean addTres) {
            String q = policy.resolveQos(j);
            Tres t = policy.countedTres(j);
            List<AssocKey> chain = policy.tree().chain(j.association());
            List<String> qu = List.of(q, j.user());
            bump(qosJobs.computeIfAbsent(q, x -> new long[2]), run, submitted);
            bump(qosUserJobs.computeIfAbsent(qu, x -> new long[2]), run, submitted);
            for (AssocKey k : chain) bump(assocJobs.computeIfAbsent(k, x -> new long[2]), run, submitted);
            if (addTres) {
                qosTres.merge(q, t, Tres::plus);
                qosUserTres.merge(qu, t, Tres::plus);
                for (AssocKey k : chain) assocTres.merge(k, t, Tres::plus);
            }
        }

        private void subtract(JobRequest j) {
            String q = policy.resolveQos(j);
            Tres t = policy.countedTres(j);
            List<String> qu = List.of(q, j.user());
            qosTres.put(q, qosTres.get(q).minus(t));
            qosUserTres.put(qu, qosUserTres.get(qu).minus(t));
            for (AssocKey k : policy.tree().chain(j.association())) assocTres.put(k, assocTres.get(k).minus(t));
        }

        private static void bump(long[] c, int run, int submitted) {
            c[0] += run;
            c[1] += submitted;
        }

        void submit(JobRequest j) { add(j, 0, 1, false); }
        void start(JobRequest j) { add(j, 1, 0, true); }
        void end(JobRequest j) { add(j, -1, -1, false); subtract(j); }
        void requeue(JobRequest j) { add(j, -1, 0, false); subtract(j); }
        void withdraw(JobRequest j) { add(j, 0, -1, false); }
    }
}
