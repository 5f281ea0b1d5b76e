package org.preemptlab.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.accounting.AccountingPolicy;
import org.preemptlab.accounting.BillingWeights;
import org.preemptlab.accounting.PartitionTerms;
import org.preemptlab.accounting.PendingJob;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.tres.Tres;

class UsageLedgerTest {

    private static final long HOUR = 3600;
    private final AccountTree tree = AccountTree.builder().account("chem", "root", 1).user("alice", "chem", 1)
            .account("phys", "root", 1).user("bob", "phys", 1).build();
    private final AssocKey alice = AssocKey.user("alice", "chem");
    private final AssocKey bob = AssocKey.user("bob", "phys");

    @Test
    void usageDecaysToHalfAfterOneHalfLifeAsSlurmApproximatesIt() {
        PriorityConfig c = PriorityConfig.builder().halfLife(HOUR).calcPeriod(300).build();
        UsageLedger l = new UsageLedger(tree, c, 0);
        l.charge(alice, 1000);
        l.advanceTo(HOUR);
        // 12 ticks of 300 s, each × (1 − 0.693/3600)^300: together (1 − 0.693/3600)^3600 ≈ 0.50007
        assertThat(l.raw(alice)).isCloseTo(1000 * Math.pow(1 - 0.693 / 3600, 3600), within(1e-9));
        assertThat(l.raw(alice)).isCloseTo(500, within(0.5));
        assertThat(l.raw(AssocKey.account("chem"))).isEqualTo(l.raw(alice));
        assertThat(l.raw(AssocKey.ROOT)).isEqualTo(l.raw(alice));
    }

    @Test
    void withoutHalfLifeNothingDecays() {
        UsageLedger l = new UsageLedger(tree, PriorityConfig.builder().halfLife(0).build(), 0);
        l.charge(alice, 1000);
        l.advanceTo(100 * HOUR);
        assertThat(l.raw(alice)).isEqualTo(1000.0);
    }

    @Test
    void aRunningJobIsChargedAtEveryTickAndAtItsEndOnlyForItsOwnTime() {
        PriorityConfig c = PriorityConfig.builder().halfLife(0).calcPeriod(300).build();
        UsageLedger l = new UsageLedger(tree, c, 0);
        l.start(1, alice, 4.0, 100);           // 4 billing units from t=100
        assertThat(l.advanceTo(1000)).containsExactly(300L, 600L, 900L);
        assertThat(l.raw(alice)).isEqualTo(4.0 * 800); // 100 → 900
        l.stop(1, 1000);
        assertThat(l.raw(alice)).isEqualTo(4.0 * 900);
        assertThat(l.raw(bob)).isZero();
        assertThat(l.raw(AssocKey.ROOT)).isEqualTo(4.0 * 900);
        assertThatThrownBy(() -> l.stop(1, 1100)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void chargesWithinAPeriodAreDecayedByTheirOwnLength() {
        PriorityConfig c = PriorityConfig.builder().halfLife(HOUR).calcPeriod(300).build();
        UsageLedger l = new UsageLedger(tree, c, 0);
        l.start(1, alice, 1.0, 0);
        l.advanceTo(300);
        double d = 1 - 0.693 / 3600;
        assertThat(l.raw(alice)).isCloseTo(300 * Math.pow(d, 300), within(1e-9));
        l.advanceTo(600);
        assertThat(l.raw(alice)).isCloseTo(300 * Math.pow(d, 300) * Math.pow(d, 300) + 300 * Math.pow(d, 300), within(1e-9));
    }

    @Test
    void aJobEndingBetweenTwoTicksIsChargedAtItsEndAndTheNextTickDecaysThatCharge() {
        // Slurm 22.05: priority_p_job_end → _apply_new_usage(job, g_last_ran, now, adjust_for_end) charges the part since
        // the last tick at the end, run_delta·d^run_delta; the decay thread then multiplies all usage by d^(tick − last)
        // and charges the jobs still running. Ticks every 300 s; alice's job (2 units) runs 100 → 450, bob's (1 unit) 0 → ∞.
        PriorityConfig c = PriorityConfig.builder().halfLife(HOUR).calcPeriod(300).build();
        double d = 1 - 0.693 / 3600;
        UsageLedger l = new UsageLedger(tree, c, 0);
        l.start(1, alice, 2.0, 100);
        l.start(2, bob, 1.0, 0);
        l.advanceTo(300);
        double alice300 = 200 * Math.pow(d, 200) * 2.0;
        assertThat(l.raw(alice)).isCloseTo(alice300, within(1e-9));
        l.advanceTo(450);
        l.stop(1, 450); // between the ticks of 300 and 600: charged now, for 300 → 450
        double aliceEnd = alice300 + 150 * Math.pow(d, 150) * 2.0;
        assertThat(l.raw(alice)).isCloseTo(aliceEnd, within(1e-9));
        assertThat(l.lastTick()).isEqualTo(300);
        assertThat(l.advanceTo(600)).containsExactly(600L);
        // the tick decays the end charge with the rest and charges nothing more for alice; bob is charged 300 → 600
        assertThat(l.raw(alice)).isCloseTo(aliceEnd * Math.pow(d, 300), within(1e-9));
        assertThat(l.raw(bob)).isCloseTo(300 * Math.pow(d, 300) * Math.pow(d, 300) + 300 * Math.pow(d, 300), within(1e-9));
        // what fair-share reads at that tick: alice's 2 × 350 s against bob's 600 s, decayed (half-life 1 h): 0.537, not 700/1300
        assertThat(l.raw(AssocKey.ROOT)).isCloseTo(l.raw(alice) + l.raw(bob), within(1e-9));
        assertThat(l.raw(alice) / l.raw(AssocKey.ROOT)).isCloseTo(0.53699, within(1e-5));
    }

    @Test
    void theRateIsBillingTimesTheQosUsageFactor() {
        QosTable q = QosTable.builder().add(Qos.of("normal", 0)).add(Qos.of("cheap", 0).withUsageFactor(0.5)).build();
        AccountingPolicy p = new AccountingPolicy(tree, q, List.of(PartitionTerms.of("gpu", Tres.of(64, 0, 2))
                .withBillingWeights(BillingWeights.parse("CPU=1.0,Mem=0.25G,GRES/gpu=8"))), false);
        PendingJob j = PendingJob.of(1, "alice", "chem", Tres.of(4, 16 * 1024, 1).with(Tres.GPU, 2), 60, 0).withPartition("gpu");
        assertThat(UsageLedger.rate(p, j)).isCloseTo(4 + 4 + 16, within(1e-12));
        assertThat(UsageLedger.rate(p, j.withQos("cheap"))).isCloseTo(12, within(1e-12));
    }

    @Test
    void dailyResetClearsUsageAtTheFirstTickAfterMidnight() {
        PriorityConfig c = PriorityConfig.builder().halfLife(0).calcPeriod(600).resetPeriod(ResetPeriod.DAILY).build();
        long epoch = 1_700_000_000L;             // 2023-11-14 22:13:20 UTC
        UsageLedger l = new UsageLedger(tree, c, 0, epoch);
        l.charge(alice, 50);
        long midnight = 1_700_006_400L - epoch;  // 2023-11-15 00:00 UTC, 6400 s later
        l.advanceTo(midnight - 1);
        assertThat(l.raw(alice)).isEqualTo(50.0);
        l.advanceTo(midnight + 599);             // the tick at 6600 s is the first at or after midnight
        assertThat(l.raw(alice)).isZero();
        l.charge(alice, 7);
        l.advanceTo(midnight + 86400 - 1);
        assertThat(l.raw(alice)).isEqualTo(7.0);
    }

    @Test
    void weeklyMonthlyQuarterlyAndYearlyBoundaries() {
        long wed = 1_700_000_000L; // Tuesday 2023-11-14
        assertThat(ResetPeriod.WEEKLY.nextAfter(wed)).isEqualTo(1_700_352_000L);    // Sunday 2023-11-19 00:00
        assertThat(ResetPeriod.MONTHLY.nextAfter(wed)).isEqualTo(1_701_388_800L);   // 2023-12-01
        assertThat(ResetPeriod.QUARTERLY.nextAfter(wed)).isEqualTo(1_704_067_200L); // 2024-01-01
        assertThat(ResetPeriod.YEARLY.nextAfter(wed)).isEqualTo(1_704_067_200L);
        assertThat(ResetPeriod.NONE.nextAfter(wed)).isEqualTo(Long.MAX_VALUE);
    }
}
