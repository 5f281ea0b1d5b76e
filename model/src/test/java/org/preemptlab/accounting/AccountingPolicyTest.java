package org.preemptlab.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.Association;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.tres.Tres;

class AccountingPolicyTest {

    private static PendingJob job(long id, String user, String account, long cpus) {
        return PendingJob.of(id, user, account, Tres.of(cpus, 1000, 1), 3600, 0).withPartition("batch");
    }

    private static AccountingPolicy policy(AccountTree tree, QosTable qos) {
        return new AccountingPolicy(tree, qos, List.of(PartitionTerms.of("batch", Tres.of(1024, 0, 32)).withMaxTime(2 * 86400)), false);
    }

    private static final AccountTree TWO_USERS = AccountTree.builder().account("chem", "root", 1)
            .user("alice", "chem", 1).user("bob", "chem", 1).build();

    /** Submits and starts each job while the check allows it; returns the reason the first refused job got. */
    private static LimitCheck fill(AccountingPolicy p, LimitUsage u, List<PendingJob> jobs) {
        for (PendingJob j : jobs) {
            assertThat(p.checkSubmit(j, u).ok()).isTrue();
            u.submit(j);
            LimitCheck c = p.checkStart(j, u);
            if (!c.ok()) return c;
            u.start(j);
        }
        return LimitCheck.OK;
    }

    @Test
    void qosMaxJobsPerUser() {
        QosTable q = QosTable.builder().add(Qos.of("normal", 0).withLimits(LimitSet.NONE.withMaxJobsPerUser(2))).build();
        AccountingPolicy p = policy(TWO_USERS, q);
        LimitUsage u = p.newUsage();
        LimitCheck c = fill(p, u, List.of(job(1, "alice", "chem", 1), job(2, "alice", "chem", 1), job(3, "alice", "chem", 1)));
        assertThat(c.reason()).isEqualTo(PendingReason.QOS_MAX_JOBS_PER_USER);
        assertThat(c.reason().label()).isEqualTo("QOSMaxJobsPerUserLimit");
        assertThat(c.detail()).isEqualTo("qos[normal] MaxJobsPerUser=2; 2 in use + 1 asked");
        // another user is not affected; alice's job may start once one of hers ends
        assertThat(fill(p, u, List.of(job(4, "bob", "chem", 1))).ok()).isTrue();
        u.end(job(1, "alice", "chem", 1));
        assertThat(p.checkStart(job(3, "alice", "chem", 1), u).ok()).isTrue();
    }

    @Test
    void qosMaxCpuPerUser() {
        QosTable q = QosTable.builder().add(Qos.of("normal", 0).withLimits(LimitSet.NONE.withMaxTresPerUser(Tres.parse("cpu=16")))).build();
        AccountingPolicy p = policy(TWO_USERS, q);
        LimitCheck c = fill(p, p.newUsage(), List.of(job(1, "alice", "chem", 12), job(2, "alice", "chem", 8)));
        assertThat(c.reason().label()).isEqualTo("QOSMaxCpuPerUserLimit");
        assertThat(c.detail()).isEqualTo("qos[normal] MaxTRESPerUser cpu=16; 12 in use + 8 asked");
    }

    @Test
    void accountGroupCpuLimitCountsTheWholeSubtree() {
        AccountTree t = AccountTree.builder()
                .add(Association.account("chem", "root", 1).withLimits(LimitSet.NONE.withGrpTres(Tres.parse("cpu=64"))))
                .user("alice", "chem", 1).user("bob", "chem", 1).build();
        AccountingPolicy p = policy(t, QosTable.defaultTable());
        LimitCheck c = fill(p, p.newUsage(), List.of(job(1, "alice", "chem", 40), job(2, "bob", "chem", 20), job(3, "bob", "chem", 8)));
        assertThat(c.reason().label()).isEqualTo("AssocGrpCpuLimit");
        assertThat(c.detail()).isEqualTo("accounts[chem] GrpTRES cpu=64; 60 in use + 8 asked");
    }

    @Test
    void associationGroupJobsAndMaxJobs() {
        AccountTree t = AccountTree.builder()
                .add(Association.account("chem", "root", 1).withLimits(LimitSet.NONE.withGrpJobs(3)))
                .add(Association.user("alice", "chem", 1).withLimits(LimitSet.NONE.withMaxJobsPerUser(2)))
                .user("bob", "chem", 1).build();
        AccountingPolicy p = policy(t, QosTable.defaultTable());
        LimitUsage u = p.newUsage();
        assertThat(fill(p, u, List.of(job(1, "alice", "chem", 1), job(2, "alice", "chem", 1), job(3, "alice", "chem", 1))).reason())
                .isEqualTo(PendingReason.ASSOC_MAX_JOBS);
        assertThat(fill(p, u, List.of(job(4, "bob", "chem", 1), job(5, "bob", "chem", 1))).reason().label())
                .isEqualTo("AssocGrpJobsLimit");
    }

    @Test
    void wallTimeLimitsOfQosAssociationAndPartition() {
        AccountTree t = AccountTree.builder()
                .add(Association.account("chem", "root", 1).withLimits(LimitSet.NONE.withMaxWall(4 * 3600)))
                .user("alice", "chem", 1).build();
        QosTable q = QosTable.builder().add(Qos.of("normal", 0))
                .add(Qos.of("short", 0).withLimits(LimitSet.NONE.withMaxWall(1800))).build();
        AccountingPolicy p = policy(t, q);
        LimitUsage u = p.newUsage();
        PendingJob twoHours = job(1, "alice", "chem", 1).withTimeLimit(7200);
        assertThat(p.checkStart(twoHours.withQos("short"), u).reason().label()).isEqualTo("QOSMaxWallDurationPerJobLimit");
        assertThat(p.checkStart(twoHours, u).ok()).isTrue();
        assertThat(p.checkStart(twoHours.withTimeLimit(5 * 3600), u).reason().label()).isEqualTo("AssocMaxWallDurationPerJobLimit");
        assertThat(p.checkStart(twoHours.withTimeLimit(3 * 86400).withQos("short"), u).reason().label()).isEqualTo("PartitionTimeLimit");
    }

    @Test
    void aQosLimitTakesTheAssociationsPlace() {
        // the association caps the account at 8 CPUs; the QOS sets its own GrpTRES cpu, which is used instead
        AccountTree t = AccountTree.builder()
                .add(Association.account("chem", "root", 1).withLimits(LimitSet.NONE.withGrpTres(Tres.parse("cpu=8,gres/gpu=1"))))
                .user("alice", "chem", 1).build();
        QosTable q = QosTable.builder().add(Qos.of("normal", 0))
                .add(Qos.of("big", 0).withLimits(LimitSet.NONE.withGrpTres(Tres.parse("cpu=100")))).build();
        AccountingPolicy p = policy(t, q);
        LimitUsage u = p.newUsage();
        assertThat(p.checkStart(job(1, "alice", "chem", 16), u).reason().label()).isEqualTo("AssocGrpCpuLimit");
        assertThat(p.checkStart(job(1, "alice", "chem", 16).withQos("big"), u).ok()).isTrue();
        // the GPU part of the association's GrpTRES still applies: the QOS does not set it
        PendingJob gpus = job(2, "alice", "chem", 1).withQos("big").withTres(Tres.of(1, 100, 1).with(Tres.GPU, 2));
        assertThat(p.checkStart(gpus, u).reason().label()).isEqualTo("AssocGrpGRES");
    }

    /** resource_limits.html: job QOS MaxJobs=20, user association MaxJobs=4 and MaxSubmitJobs=50 → 20 and 50 apply. */
    @Test
    void theDocumentsHierarchyExample() {
        AccountTree t = AccountTree.builder().account("a", "root", 1)
                .add(Association.user("u", "a", 1).withLimits(LimitSet.builder().maxJobsPerUser(4).maxSubmitJobsPerUser(50).build()))
                .build();
        QosTable q = QosTable.builder().add(Qos.of("normal", 0).withLimits(LimitSet.NONE.withMaxJobsPerUser(20))).build();
        AccountingPolicy p = policy(t, q);
        LimitUsage u = p.newUsage();
        int started = 0;
        for (int i = 0; i < 50; i++) {
            PendingJob j = job(i, "u", "a", 1);
            assertThat(p.checkSubmit(j, u).ok()).isTrue();
            u.submit(j);
            if (p.checkStart(j, u).ok()) {
                u.start(j);
                started++;
            }
        }
        assertThat(started).isEqualTo(20);
        LimitCheck c = p.checkSubmit(job(50, "u", "a", 1), u);
        assertThat(c.reason().label()).isEqualTo("AssocMaxSubmitJobLimit");
    }

    @Test
    void submitChecksAssociationAndQos() {
        AccountTree t = AccountTree.builder().account("chem", "root", 1)
                .add(Association.user("alice", "chem", 1).withAllowedQos(Set.of("normal")).withDefaultQos("normal")).build();
        QosTable q = QosTable.builder().add(Qos.of("normal", 0)).add(Qos.of("high", 0)
                .withLimits(LimitSet.NONE.withMaxSubmitJobsPerUser(0))).build();
        AccountingPolicy p = policy(t, q);
        LimitUsage u = p.newUsage();
        assertThat(p.checkSubmit(job(1, "carol", "chem", 1), u).reason()).isEqualTo(PendingReason.INVALID_ACCOUNT);
        assertThat(p.checkSubmit(job(1, "alice", "chem", 1).withQos("nope"), u).reason()).isEqualTo(PendingReason.INVALID_QOS);
        assertThat(p.checkSubmit(job(1, "alice", "chem", 1).withQos("high"), u).reason()).isEqualTo(PendingReason.QOS_NOT_ALLOWED);
        assertThat(p.resolveQos(job(1, "alice", "chem", 1))).isEqualTo("normal");
    }

    /** priority_multifactor.html: TRESBillingWeights=CPU=1.0,Mem=0.25G on 16-CPU, 64 GB nodes. */
    @Test
    void billingWeightsOfTheDocumentation() {
        BillingWeights w = BillingWeights.parse("CPU=1.0,Mem=0.25G");
        assertThat(w.billable(Tres.of(1, 60 * 1024, 1), false)).isCloseTo(16, within(1e-12));
        assertThat(w.billable(Tres.of(16, 1024, 1), false)).isCloseTo(16.25, within(1e-12));
        assertThat(w.billable(Tres.of(16, 60 * 1024, 1), false)).isCloseTo(31, within(1e-12));
        // MAX_TRES: the largest single weighted TRES
        assertThat(w.billable(Tres.of(1, 60 * 1024, 1), true)).isCloseTo(15, within(1e-12));
        assertThat(w.billable(Tres.of(15, 1024, 1), true)).isCloseTo(15, within(1e-12));
        assertThat(w.billable(Tres.of(16, 64 * 1024, 1), true)).isCloseTo(16, within(1e-12));
        // no weights: billed by CPU
        assertThat(BillingWeights.NONE.billable(Tres.of(7, 99999, 2), false)).isEqualTo(7.0);
    }
}
