package org.preemptlab.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.Association;
import org.preemptlab.accounting.AccountingPolicy;
import org.preemptlab.accounting.PartitionTerms;
import org.preemptlab.accounting.PendingJob;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.tres.Tres;

/**
 * The multifactor sum with the weights of priority_multifactor.html's "Configuration Example"
 * (PriorityWeightAge=1000, PriorityWeightFairshare=10000, PriorityWeightJobSize=1000,
 * PriorityWeightPartition=1000, PriorityWeightQOS=0, PriorityMaxAge=14-0, PriorityFavorSmall=NO),
 * worked by hand.
 */
class MultifactorPriorityTest {

    private static final long DAY = 86400;

    private final AccountTree tree = DocExampleTree.tree();
    private final QosTable qos = QosTable.builder().add(Qos.of("normal", 10)).add(Qos.of("high", 40)).build();
    private final Tres cluster = Tres.of(3200, 100 * 192_000L, 100);
    private final AccountingPolicy policy = new AccountingPolicy(tree, qos, List.of(
            PartitionTerms.of("batch", cluster.with(Tres.CPU, 1600)).withPriorityJobFactor(1),
            PartitionTerms.of("high", cluster).withPriorityJobFactor(4)), false);
    private final PriorityConfig docExample = PriorityConfig.builder().halfLife(14 * DAY).favorSmall(false)
            .maxAge(14 * DAY).weightAge(1000).weightFairshare(10000).weightJobSize(1000).weightPartition(1000)
            .weightQos(0).flag(PriorityFlag.NO_FAIR_TREE).build();
    private final FairShareSnapshot fs = ClassicFairShare.computeNormalized(tree,
            UsageView.ofCharges(tree, DocExampleTree.usage()), 1);

    private PendingJob job() {
        // user 1 of the fair-share example: 4 nodes, 128 CPUs, in "batch", waiting 3.5 days
        return PendingJob.of(7, "user1", "B", Tres.of(128, 4 * 1000, 4), 3600, 0).withPartition("batch");
    }

    @Test
    void theSumOfWeightedFactorsTruncated() {
        MultifactorPriority mf = new MultifactorPriority(docExample, policy, new ClusterSize(100, 3200));
        PriorityFactors f = mf.factors(job(), fs, 3 * DAY + DAY / 2);
        // age 3.5/14 = 0.25 → 250
        assertThat(f.normalized().age()).isEqualTo(0.25);
        assertThat(f.weighted().age()).isEqualTo(250.0);
        // fair-share 0.408479 (classic example, user 1) → 4084.79…
        assertThat(f.normalized().fairshare()).isCloseTo(0.408479, within(5e-7));
        // job size (4/100 + 128/3200) / 2 = 0.04 → 40
        assertThat(f.normalized().jobSize()).isCloseTo(0.04, within(1e-12));
        // partition 1 / 4 → 250
        assertThat(f.normalized().partition()).isEqualTo(0.25);
        // QOS weight 0 → 0 even though the QOS has a priority
        assertThat(f.weighted().qos()).isZero();
        // 250 + 4084.79 + 40 + 250 = 4624.79 → 4624
        assertThat(f.priority()).isEqualTo(4624);
        assertThat(f.sprioLine()).contains("4624").contains("250").contains("4085");
    }

    @Test
    void niceIsSubtractedAndThePriorityIsNeverBelowOne() {
        MultifactorPriority mf = new MultifactorPriority(docExample, policy, new ClusterSize(100, 3200));
        assertThat(mf.factors(job().withNice(100), fs, 3 * DAY + DAY / 2).priority()).isEqualTo(4524);
        assertThat(mf.factors(job().withNice(1_000_000), fs, 0).priority()).isEqualTo(1);
        assertThat(mf.factors(job().withNice(-50), fs, 3 * DAY + DAY / 2).priority()).isEqualTo(4674);
    }

    @Test
    void ageCountsFromEligibilityAndMaxesOut() {
        MultifactorPriority mf = new MultifactorPriority(docExample, policy, new ClusterSize(100, 3200));
        assertThat(mf.factors(job().withEligibleTime(DAY), fs, DAY).normalized().age()).isZero();
        assertThat(mf.factors(job(), fs, 30 * DAY).normalized().age()).isEqualTo(1.0);
        PriorityConfig always = docExample.toBuilder().flag(PriorityFlag.ACCRUE_ALWAYS).build();
        assertThat(new MultifactorPriority(always, policy, new ClusterSize(100, 3200))
                .factors(job().withEligibleTime(7 * DAY), fs, 7 * DAY).normalized().age()).isEqualTo(0.5);
    }

    @Test
    void favorSmallTurnsTheJobSizeFactorAround() {
        PriorityConfig small = docExample.toBuilder().favorSmall(true).build();
        MultifactorPriority mf = new MultifactorPriority(small, policy, new ClusterSize(100, 3200));
        // ((100-4)/100 + (3200-128)/3200) / 2 = 0.96
        assertThat(mf.factors(job(), fs, 0).normalized().jobSize()).isCloseTo(0.96, within(1e-12));
        PriorityConfig rel = docExample.toBuilder().flag(PriorityFlag.SMALL_RELATIVE_TO_TIME).build();
        // max(4·3200/100, 128) = 128 CPUs / 60 minutes / 3200
        assertThat(new MultifactorPriority(rel, policy, new ClusterSize(100, 3200)).factors(job(), fs, 0)
                .normalized().jobSize()).isCloseTo(128.0 / 60 / 3200, within(1e-15));
    }

    @Test
    void qosAssocAndTresFactorsAreNormalisedUnlessToldNotTo() {
        AccountTree withPrio = AccountTree.builder()
                .add(Association.account("A", "root", 1).withPriority(50))
                .add(Association.user("u", "A", 1).withPriority(20))
                .add(Association.user("v", "A", 1)).build();
        AccountingPolicy p = new AccountingPolicy(withPrio, qos, List.of(
                PartitionTerms.of("batch", Tres.of(1600, 0, 50).with(Tres.GPU, 16))), false);
        PriorityConfig c = PriorityConfig.builder().weightQos(1000).weightAssoc(1000)
                .weightTres(Tres.CPU, 2000).weightTres(Tres.GPU, 8000).build();
        FairShareSnapshot none = FairTree.compute(withPrio, k -> 0);
        PendingJob j = PendingJob.of(1, "u", "A", Tres.of(128, 0, 4).with(Tres.GPU, 4), 600, 0)
                .withPartition("batch").withQos("normal");
        PriorityFactors f = new MultifactorPriority(c, p, new ClusterSize(50, 1600)).factors(j, none, 0);
        assertThat(f.normalized().qos()).isEqualTo(0.25);          // 10 / 40
        assertThat(f.normalized().assoc()).isEqualTo(0.4);         // 20 / 50 (v inherits A's 50, the highest)
        assertThat(f.weighted().tres().get(Tres.CPU)).isCloseTo(160.0, within(1e-9));  // 128/1600 · 2000
        assertThat(f.weighted().tres().get(Tres.GPU)).isCloseTo(2000.0, within(1e-9)); // 4/16 · 8000
        assertThat(f.priority()).isEqualTo(250 + 400 + 160 + 2000);

        PriorityConfig raw = c.toBuilder().flag(PriorityFlag.NO_NORMAL_ALL).build();
        PriorityFactors r = new MultifactorPriority(raw, p, new ClusterSize(50, 1600)).factors(j, none, 0);
        assertThat(r.normalized().qos()).isEqualTo(10.0);
        assertThat(r.normalized().assoc()).isEqualTo(20.0);
        assertThat(r.normalized().tres().get(Tres.GPU)).isEqualTo(4.0);
    }

    @Test
    void thePriorityIsCappedAtThirtyTwoBits() {
        PriorityConfig huge = PriorityConfig.builder().weightAge(PriorityConfig.MAX_WEIGHT).weightJobSize(PriorityConfig.MAX_WEIGHT).build();
        MultifactorPriority mf = new MultifactorPriority(huge, policy, new ClusterSize(100, 3200));
        assertThat(mf.factors(job(), fs, 30 * DAY).priority()).isEqualTo(PriorityConfig.MAX_WEIGHT);
    }

    /** The calc tick's priority without the factors' maps is the factors' priority, to the bit, over random weights and jobs. */
    @Test
    void priorityAloneIsTheFactorsPriority() {
        java.util.Random rnd = new java.util.Random(20261207);
        List<String> tresNames = List.of(Tres.CPU, Tres.MEM, Tres.NODE, Tres.BILLING, "gres/gpu");
        List<PriorityFlag> flags = List.of(PriorityFlag.ACCRUE_ALWAYS, PriorityFlag.NO_NORMAL_ASSOC, PriorityFlag.NO_NORMAL_PART,
                PriorityFlag.NO_NORMAL_QOS, PriorityFlag.NO_NORMAL_TRES, PriorityFlag.SMALL_RELATIVE_TO_TIME, PriorityFlag.NO_FAIR_TREE);
        List<String> users = List.of("user1", "user2", "user3", "nobody");
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            PriorityConfig.Builder b = PriorityConfig.builder().halfLife(DAY * (1 + rnd.nextInt(14))).favorSmall(rnd.nextBoolean())
                    .maxAge(DAY * (1 + rnd.nextInt(14)));
            if (rnd.nextBoolean()) b.weightAge(rnd.nextInt(100_000));
            if (rnd.nextBoolean()) b.weightAssoc(rnd.nextInt(100_000));
            if (rnd.nextBoolean()) b.weightFairshare(rnd.nextInt(100_000));
            if (rnd.nextBoolean()) b.weightJobSize(rnd.nextInt(100_000));
            if (rnd.nextBoolean()) b.weightPartition(rnd.nextInt(100_000));
            if (rnd.nextBoolean()) b.weightQos(rnd.nextInt(100_000));
            for (String t : tresNames) if (rnd.nextInt(3) == 0) b.weightTres(t, rnd.nextDouble() * 10_000);
            for (PriorityFlag f : flags) if (rnd.nextInt(4) == 0) b.flag(f);
            MultifactorPriority mf = new MultifactorPriority(b.build(), policy, new ClusterSize(100, 3200));
            for (int j = 0; j < 20; j++) {
                Tres t = Tres.of(1 + rnd.nextInt(256), 1000L * rnd.nextInt(500), 1 + rnd.nextInt(8));
                if (rnd.nextBoolean()) t = t.plus(Tres.of("gres/gpu", rnd.nextInt(8)));
                PendingJob job = PendingJob.of(j + 1, users.get(rnd.nextInt(users.size())), rnd.nextBoolean() ? "A" : "B", t,
                        60L * (1 + rnd.nextInt(2000)), rnd.nextInt(1_000_000))
                        .withPartition(rnd.nextInt(5) == 0 ? "none" : rnd.nextBoolean() ? "batch" : "high")
                        .withQos(rnd.nextInt(4) == 0 ? null : rnd.nextBoolean() ? "normal" : "high")
                        .withNice(rnd.nextInt(3) == 0 ? rnd.nextInt(20_000) - 10_000 : 0)
                        .withEligibleTime(rnd.nextInt(2_000_000));
                long now = rnd.nextInt(4_000_000);
                assertThat(mf.priority(job, fs, now)).as("round " + round + " job " + j).isEqualTo(mf.factors(job, fs, now).priority());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(6000);
    }
}
