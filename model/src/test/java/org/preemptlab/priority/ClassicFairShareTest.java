package org.preemptlab.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.preemptlab.priority.DocExampleTree.U1;
import static org.preemptlab.priority.DocExampleTree.U2;
import static org.preemptlab.priority.DocExampleTree.U3;
import static org.preemptlab.priority.DocExampleTree.U4;
import static org.preemptlab.priority.DocExampleTree.U5;

import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;

/** The worked example of Slurm's classic_fair_share.html, number for number. */
class ClassicFairShareTest {

    private final AccountTree tree = DocExampleTree.tree();

    @Test
    void normalizedSharesEffectiveUsageAndFactorsAreTheDocumentsOnes() {
        FairShareSnapshot s = ClassicFairShare.computeNormalized(tree, UsageView.ofCharges(tree, DocExampleTree.usage()), 1);

        // "User 1 normalized share: 0.3 … User 5: 0.35"
        assertThat(s.row(U1).normShares()).isCloseTo(0.3, within(1e-12));
        assertThat(s.row(U2).normShares()).isCloseTo(0.05, within(1e-12));
        assertThat(s.row(U3).normShares()).isCloseTo(0.05, within(1e-12));
        assertThat(s.row(U4).normShares()).isCloseTo(0.25, within(1e-12));
        assertThat(s.row(U5).normShares()).isCloseTo(0.35, within(1e-12));

        // "Account A's effective usage is therefore equal to .45. Account D's … .25"
        assertThat(s.row(AssocKey.account("A")).effectiveUsage()).isCloseTo(0.45, within(1e-12));
        assertThat(s.row(AssocKey.account("D")).effectiveUsage()).isCloseTo(0.25, within(1e-12));
        // "Account B effective usage: 0.2 + ((0.45 - 0.2) * 30 / 40) = 0.3875" etc.
        assertThat(s.row(AssocKey.account("B")).effectiveUsage()).isCloseTo(0.3875, within(1e-12));
        assertThat(s.row(AssocKey.account("C")).effectiveUsage()).isCloseTo(0.3, within(1e-12));
        assertThat(s.row(AssocKey.account("E")).effectiveUsage()).isCloseTo(0.25, within(1e-12));
        assertThat(s.row(AssocKey.account("F")).effectiveUsage()).isCloseTo(0.1458, within(5e-5));
        // users
        assertThat(s.row(U1).effectiveUsage()).isCloseTo(0.3875, within(1e-12));
        assertThat(s.row(U2).effectiveUsage()).isCloseTo(0.275, within(1e-12));
        assertThat(s.row(U3).effectiveUsage()).isCloseTo(0.15, within(1e-12));
        assertThat(s.row(U4).effectiveUsage()).isCloseTo(0.25, within(1e-12));
        assertThat(s.row(U5).effectiveUsage()).isCloseTo(0.1458, within(5e-5));

        // "User 1 fair-share factor: 2**(-.3875 / .3) = 0.408479" … as printed, six decimals
        assertThat(s.factor(U1)).isCloseTo(0.408479, within(5e-7));
        assertThat(s.factor(U2)).isCloseTo(0.022097, within(5e-7));
        assertThat(s.factor(U3)).isCloseTo(0.125000, within(5e-7));
        assertThat(s.factor(U4)).isCloseTo(0.500000, within(5e-7));
        // the document prints F's usage rounded (.1458) but its 0.749154 is 2**(-0.1458333…/.35),
        // the unrounded 0.25·35/60 (with .1458 itself it would be 0.749203)
        assertThat(s.factor(U5)).isCloseTo(0.749154, within(5e-7));
    }

    @Test
    void theLedgerGivesTheSameFactorsWhenTheRestOfTheUsageIsOutsideTheseUsers() {
        // The example's usages are fractions of the machine (they add up to 0.7); Slurm normalises
        // by root's raw usage, so the remaining 0.3 is charged to root itself here.
        UsageLedger ledger = new UsageLedger(tree, PriorityConfig.DEFAULTS, 0);
        ledger.charge(U1, 2000);
        ledger.charge(U2, 2500);
        ledger.charge(U4, 2500);
        ledger.charge(AssocKey.ROOT, 3000);
        FairShareSnapshot s = ClassicFairShare.compute(tree, ledger, 1);
        assertThat(s.factor(U1)).isCloseTo(0.408479, within(5e-7));
        assertThat(s.factor(U2)).isCloseTo(0.022097, within(5e-7));
        assertThat(s.factor(U3)).isCloseTo(0.125000, within(5e-7));
        assertThat(s.factor(U4)).isCloseTo(0.500000, within(5e-7));
    }

    @Test
    void dampeningFactorDividesTheExponent() {
        assertThat(ClassicFairShare.factor(0.5, 0.25, 2)).isCloseTo(0.5, within(1e-12));
        assertThat(ClassicFairShare.factor(0.5, 0.25, 1)).isCloseTo(0.25, within(1e-12));
        assertThat(ClassicFairShare.factor(0.5, 0, 1)).isZero();
    }

    @Test
    void withoutAnyUsageEveryUserHasFactorOne() {
        FairShareSnapshot s = ClassicFairShare.compute(tree, new UsageLedger(tree, PriorityConfig.DEFAULTS, 0), 1);
        for (AssocKey u : tree.userAssociations()) assertThat(s.factor(u)).isEqualTo(1.0);
    }
}
