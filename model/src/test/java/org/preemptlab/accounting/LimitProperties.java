package org.preemptlab.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.tres.Tres;

/**
 * Random trees, QOS and limits, random submit / start / end / requeue / withdraw sequences in which
 * a job is submitted or started only when the policy allows it: no limit is ever exceeded. The
 * usage is recomputed here from the jobs themselves, not read from {@link LimitUsage}. Each kind of
 * limit is set either on the QOS or on associations (never both: when both are set the QOS one
 * replaces the association's, which the example tests cover).
 */
class LimitProperties {

    private record Job(PendingJob req, String qos) {}

    @Property(tries = 120, seed = "20261206")
    void noLimitIsEverExceeded(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean[] onQos = new boolean[7]; // grpJobs, maxJobs, maxSubmit, grpSubmit, grpCpu, grpGpu, wall+perJob
        for (int i = 0; i < onQos.length; i++) onQos[i] = r.nextBoolean();

        List<Qos> qosList = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            LimitSet.Builder l = LimitSet.builder();
            if (onQos[0] && r.nextBoolean()) l.grpJobs(r.nextInt(6));
            if (onQos[1] && r.nextBoolean()) l.maxJobsPerUser(r.nextInt(4));
            if (onQos[2] && r.nextBoolean()) l.maxSubmitJobsPerUser(r.nextInt(8));
            if (onQos[3] && r.nextBoolean()) l.grpSubmitJobs(r.nextInt(10));
            Tres grp = Tres.NONE;
            if (onQos[4] && r.nextBoolean()) grp = grp.with(Tres.CPU, r.nextInt(64));
            if (onQos[5] && r.nextBoolean()) grp = grp.with(Tres.GPU, r.nextInt(8));
            l.grpTres(grp);
            if (r.nextBoolean()) l.maxTresPerUser(Tres.of(Tres.CPU, r.nextInt(48)));
            if (onQos[6] && r.nextBoolean()) l.maxWall(600 + r.nextInt(3600)).maxTresPerJob(Tres.of(Tres.CPU, 1 + r.nextInt(32)));
            qosList.add(Qos.of("q" + i, i).withLimits(l.build()));
        }
        QosTable.Builder qb = QosTable.builder();
        qosList.forEach(qb::add);
        QosTable qos = qb.build();

        AccountTree.Builder tb = AccountTree.builder();
        List<String> accounts = new ArrayList<>(List.of("root"));
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            String n = "a" + i;
            tb.add(Association.account(n, accounts.get(r.nextInt(accounts.size())), 1).withLimits(assocLimits(r, onQos, false)));
            accounts.add(n);
        }
        List<AssocKey> users = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(5); i++) {
            String acct = accounts.get(1 + r.nextInt(accounts.size() - 1));
            String user = "u" + r.nextInt(4);
            AssocKey k = AssocKey.user(user, acct);
            if (users.contains(k)) continue;
            users.add(k);
            tb.add(Association.user(user, acct, 1).withLimits(assocLimits(r, onQos, true)));
        }
        AccountTree tree = tb.build();
        AccountingPolicy p = new AccountingPolicy(tree, qos, List.of(PartitionTerms.of("batch", Tres.of(256, 0, 16))), false);
        LimitUsage usage = p.newUsage();

        Map<Long, Job> pending = new LinkedHashMap<>();
        Map<Long, Job> running = new LinkedHashMap<>();
        long nextId = 1;
        int starts = 0;
        int refused = 0;
        for (int step = 0; step < 150; step++) {
            int op = r.nextInt(10);
            if (op < 4) {
                AssocKey who = users.get(r.nextInt(users.size()));
                Tres t = Tres.of(1 + r.nextInt(24), 100, 1);
                if (r.nextInt(3) == 0) t = t.with(Tres.GPU, 1 + r.nextInt(3));
                PendingJob j = PendingJob.of(nextId++, who.user(), who.account(), t, 60 + r.nextInt(7200), step)
                        .withPartition("batch").withQos("q" + r.nextInt(qosList.size()));
                if (p.checkSubmit(j, usage).ok()) {
                    usage.submit(j);
                    pending.put(j.jobId(), new Job(j, j.qos()));
                }
            } else if (op < 7 && !pending.isEmpty()) {
                Job j = new ArrayList<>(pending.values()).get(r.nextInt(pending.size()));
                if (p.checkStart(j.req, usage).ok()) {
                    usage.start(j.req);
                    pending.remove(j.req.jobId());
                    running.put(j.req.jobId(), j);
                    starts++;
                } else {
                    refused++;
                }
            } else if (op < 9 && !running.isEmpty()) {
                Job j = new ArrayList<>(running.values()).get(r.nextInt(running.size()));
                running.remove(j.req.jobId());
                if (op == 8) {
                    usage.requeue(j.req);
                    pending.put(j.req.jobId(), j);
                } else {
                    usage.end(j.req);
                }
            } else if (!pending.isEmpty()) {
                Job j = pending.values().iterator().next();
                usage.withdraw(j.req);
                pending.remove(j.req.jobId());
            }
            checkInvariants(tree, qos, pending, running);
        }
        // not vacuous: in most runs jobs do start, and some are refused
        Statistics.label("some started").collect(starts > 0);
        Statistics.label("some start refused").collect(refused > 0);
        Statistics.label("some started").coverage(c -> c.check(true).percentage(pc -> pc > 60));
        Statistics.label("some start refused").coverage(c -> c.check(true).percentage(pc -> pc > 30));
    }

    private static LimitSet assocLimits(SplittableRandom r, boolean[] onQos, boolean user) {
        LimitSet.Builder l = LimitSet.builder();
        if (!onQos[0] && r.nextInt(3) == 0) l.grpJobs(r.nextInt(6));
        if (!onQos[1] && r.nextInt(3) == 0) l.maxJobsPerUser(r.nextInt(4));
        if (!onQos[2] && r.nextInt(3) == 0) l.maxSubmitJobsPerUser(r.nextInt(8));
        if (!onQos[3] && r.nextInt(3) == 0) l.grpSubmitJobs(r.nextInt(10));
        Tres grp = Tres.NONE;
        if (!onQos[4] && r.nextInt(3) == 0) grp = grp.with(Tres.CPU, r.nextInt(64));
        if (!onQos[5] && r.nextInt(3) == 0) grp = grp.with(Tres.GPU, r.nextInt(8));
        l.grpTres(grp);
        if (!onQos[6] && r.nextInt(3) == 0) l.maxWall(600 + r.nextInt(3600)).maxTresPerJob(Tres.of(Tres.CPU, 1 + r.nextInt(32)));
        return l.build();
    }

    private static void checkInvariants(AccountTree tree, QosTable qos, Map<Long, Job> pending, Map<Long, Job> running) {
        List<Job> submitted = new ArrayList<>(pending.values());
        submitted.addAll(running.values());
        for (String qn : qos.names()) {
            LimitSet l = qos.get(qn).limits();
            List<Job> run = running.values().stream().filter(j -> j.qos.equals(qn)).toList();
            List<Job> sub = submitted.stream().filter(j -> j.qos.equals(qn)).toList();
            if (l.grpJobs() >= 0) assertThat((long) run.size()).isLessThanOrEqualTo(l.grpJobs());
            if (l.grpSubmitJobs() >= 0) assertThat((long) sub.size()).isLessThanOrEqualTo(l.grpSubmitJobs());
            assertThat(sum(run).firstOver(l.grpTres())).isNull();
            for (String user : List.of("u0", "u1", "u2", "u3")) {
                List<Job> ur = run.stream().filter(j -> j.req.user().equals(user)).toList();
                long us = sub.stream().filter(j -> j.req.user().equals(user)).count();
                if (l.maxJobsPerUser() >= 0) assertThat((long) ur.size()).isLessThanOrEqualTo(l.maxJobsPerUser());
                if (l.maxSubmitJobsPerUser() >= 0) assertThat(us).isLessThanOrEqualTo(l.maxSubmitJobsPerUser());
                assertThat(sum(ur).firstOver(l.maxTresPerUser())).isNull();
            }
        }
        for (AssocKey k : tree.keys()) {
            List<Job> run = running.values().stream().filter(j -> tree.chain(j.req.association()).contains(k)).toList();
            long sub = submitted.stream().filter(j -> tree.chain(j.req.association()).contains(k)).count();
            LimitSet l = tree.get(k).limits();
            if (l.grpJobs() >= 0) assertThat((long) run.size()).isLessThanOrEqualTo(l.grpJobs());
            if (l.grpSubmitJobs() >= 0) assertThat(sub).isLessThanOrEqualTo(l.grpSubmitJobs());
            assertThat(sum(run).firstOver(l.grpTres())).isNull();
            if (k.isUser()) {
                LimitSet eff = tree.effectiveMaxLimits(k);
                if (eff.maxJobsPerUser() >= 0) assertThat((long) run.size()).isLessThanOrEqualTo(eff.maxJobsPerUser());
                if (eff.maxSubmitJobsPerUser() >= 0) assertThat(sub).isLessThanOrEqualTo(eff.maxSubmitJobsPerUser());
            }
        }
        for (Job j : running.values()) {
            LimitSet ql = qos.get(j.qos).limits();
            LimitSet al = tree.effectiveMaxLimits(j.req.association());
            for (LimitSet l : List.of(ql, al)) {
                if (l.maxWallSeconds() >= 0) assertThat(j.req.timeLimitSeconds()).isLessThanOrEqualTo(l.maxWallSeconds());
                assertThat(j.req.tres().firstOver(l.maxTresPerJob())).isNull();
            }
        }
    }

    private static Tres sum(List<Job> jobs) {
        Tres t = Tres.NONE;
        for (Job j : jobs) t = t.plus(j.req.tres());
        return t;
    }
}
