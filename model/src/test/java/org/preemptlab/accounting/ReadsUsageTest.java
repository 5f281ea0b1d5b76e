package org.preemptlab.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AccountTreeException;
import org.preemptlab.account.Association;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.tres.Tres;

/**
 * {@link AccountingPolicy#readsUsage()}: the engine keeps no usage counters when it is false, so it must be true
 * whenever a check reads a counter. Each limit is set alone on the QOS, on the account and on the user association;
 * a submit and a start check are run with counters that hold a job; the counters' read count says whether they were read.
 */
class ReadsUsageTest {

    private record Kind(String name, UnaryOperator<LimitSet> set, boolean counts) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("GrpJobs", l -> l.withGrpJobs(5), true),
            new Kind("GrpTRES", l -> l.withGrpTres(Tres.parse("cpu=500")), true),
            new Kind("GrpSubmitJobs", l -> l.withGrpSubmitJobs(5), true),
            new Kind("MaxJobs", l -> l.withMaxJobsPerUser(5), true),
            new Kind("MaxSubmitJobs", l -> l.withMaxSubmitJobsPerUser(5), true),
            new Kind("MaxTRESPerUser", l -> l.withMaxTresPerUser(Tres.parse("cpu=500")), true),
            new Kind("MaxWall", l -> l.withMaxWall(86400), false),
            new Kind("MaxTRESPerJob", l -> l.withMaxTresPerJob(Tres.parse("cpu=500")), false));

    private static AccountingPolicy policy(AccountTree tree, QosTable qos) {
        return new AccountingPolicy(tree, qos, List.of(PartitionTerms.of("batch", Tres.of(1024, 0, 32)).withMaxTime(2 * 86400)), false);
    }

    private static PendingJob job(long id) {
        return PendingJob.of(id, "alice", "chem", Tres.of(1, 1000, 1), 3600, 0).withPartition("batch");
    }

    /** True if a submit check and a start check of a second job read a counter (one job submitted and running). */
    private static boolean checksRead(AccountingPolicy p) {
        LimitUsage u = p.newUsage();
        u.submit(job(1));
        u.start(job(1));
        long before = u.reads();
        p.checkSubmit(job(2), u);
        u.submit(job(2));
        p.checkStart(job(2), u);
        return u.reads() > before;
    }

    /** The limit on the QOS, on the account, on the user association (where the tree accepts it: no MaxTRESPerUser there). */
    private static List<AccountingPolicy> placements(UnaryOperator<LimitSet> set) {
        List<AccountingPolicy> out = new ArrayList<>();
        QosTable limited = QosTable.builder().add(Qos.of("normal", 0).withLimits(set.apply(LimitSet.NONE))).build();
        out.add(policy(AccountTree.builder().account("chem", "root", 1).user("alice", "chem", 1).build(), limited));
        List<Supplier<AccountTree>> trees = List.of(
                () -> AccountTree.builder().add(Association.account("chem", "root", 1).withLimits(set.apply(LimitSet.NONE)))
                        .user("alice", "chem", 1).build(),
                () -> AccountTree.builder().account("chem", "root", 1)
                        .add(Association.user("alice", "chem", 1).withLimits(set.apply(LimitSet.NONE))).build());
        for (Supplier<AccountTree> t : trees) {
            try {
                out.add(policy(t.get(), QosTable.defaultTable()));
            } catch (AccountTreeException notAnAssociationLimit) {
                // skipped: the tree refuses the limit on an association
            }
        }
        return out;
    }

    @Test
    void trueWheneverACheckReadsACounter() {
        int reading = 0;
        for (Kind k : KINDS) {
            for (AccountingPolicy p : placements(k.set())) {
                boolean read = checksRead(p);
                if (read) reading++;
                assertThat(!read || p.readsUsage()).as(k.name() + " read a counter; readsUsage must be true").isTrue();
                assertThat(p.readsUsage()).as(k.name()).isEqualTo(k.counts());
            }
        }
        assertThat(reading).as("placements whose checks read counters (the test reaches them)").isGreaterThanOrEqualTo(12);
    }

    @Test
    void falseWithoutLimits() {
        AccountingPolicy p = policy(AccountTree.builder().account("chem", "root", 1).user("alice", "chem", 1).build(),
                QosTable.defaultTable());
        assertThat(p.readsUsage()).isFalse();
        assertThat(checksRead(p)).isFalse();
    }
}
