package org.preemptlab.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.preemptlab.priority.DocExampleTree.U1;
import static org.preemptlab.priority.DocExampleTree.U2;
import static org.preemptlab.priority.DocExampleTree.U3;
import static org.preemptlab.priority.DocExampleTree.U4;
import static org.preemptlab.priority.DocExampleTree.U5;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;

/**
 * Fair Tree (fair_tree.html). The page has no numeric example, so the classic page's tree and usage
 * are worked through by hand with the Level Fairshare rule LF = S / U:
 * <pre>
 * root:  A  S=40/100=0.4   U=0.45/0.7=0.642857  LF=0.6222    D  S=0.6  U=0.25/0.7=0.357143  LF=1.68   → D first
 * D:     E  S=25/60        U=0.25/0.25=1        LF=0.41667   F  S=35/60  U=0  LF=∞                     → F first
 * F:     user5 U=0 (F has no usage) LF=∞  → rank 5 → 5/5 = 1.0
 * E:     user4 S=1 U=1 LF=1              → rank 4 → 0.8
 * A:     B  S=0.75  U=0.2/0.45=0.444  LF=1.6875    C  S=0.25  U=0.25/0.45=0.556  LF=0.45             → B first
 * B:     user1 LF=1                      → rank 3 → 0.6
 * C:     user3 S=0.5 U=0 LF=∞, user2 S=0.5 U=1 LF=0.5 → user3 rank 2 → 0.4, user2 rank 1 → 0.2
 * </pre>
 * The order (5, 4, 1, 3, 2) is the same as the classic factors' on the same data.
 */
class FairTreeTest {

    @Test
    void theWorkedExampleRanksAndFactors() {
        AccountTree tree = DocExampleTree.tree();
        FairShareSnapshot s = FairTree.compute(tree, UsageView.ofCharges(tree, DocExampleTree.usage()));
        assertThat(s.row(AssocKey.account("A")).levelFs()).isCloseTo(0.4 / (0.45 / 0.7), within(1e-12));
        assertThat(s.row(AssocKey.account("D")).levelFs()).isCloseTo(0.6 / (0.25 / 0.7), within(1e-12));
        assertThat(s.row(AssocKey.account("B")).levelFs()).isCloseTo(1.6875, within(1e-12));
        assertThat(s.row(AssocKey.account("C")).levelFs()).isCloseTo(0.45, within(1e-12));
        assertThat(s.row(AssocKey.account("F")).levelFs()).isInfinite();
        assertThat(s.row(U2).levelFs()).isCloseTo(0.5, within(1e-12));
        assertThat(s.factor(U5)).isEqualTo(1.0);
        assertThat(s.factor(U4)).isEqualTo(0.8);
        assertThat(s.factor(U1)).isEqualTo(0.6);
        assertThat(s.factor(U3)).isEqualTo(0.4);
        assertThat(s.factor(U2)).isEqualTo(0.2);

        FairShareSnapshot classic = ClassicFairShare.computeNormalized(tree, UsageView.ofCharges(tree, DocExampleTree.usage()), 1);
        assertThat(classic.factor(U5)).isGreaterThan(classic.factor(U4));
        assertThat(classic.factor(U4)).isGreaterThan(classic.factor(U1));
        assertThat(classic.factor(U1)).isGreaterThan(classic.factor(U3));
        assertThat(classic.factor(U3)).isGreaterThan(classic.factor(U2));
    }

    /** fair_tree.html, "Overview for End Users": root ⇒ Acct1 ⇒ Acct12 ⇒ UserA, root ⇒ Acct1 ⇒ Acct16 ⇒ UserB. */
    @Test
    void theFirstCommonAncestorDecides() {
        AccountTree tree = AccountTree.builder()
                .account("Acct1", "root", 1).account("Acct12", "Acct1", 1).account("Acct16", "Acct1", 1)
                .user("UserA", "Acct12", 1).user("UserB", "Acct16", 1)
                .account("Other", "root", 1).user("UserC", "Other", 1)
                .build();
        AssocKey a = AssocKey.user("UserA", "Acct12");
        AssocKey b = AssocKey.user("UserB", "Acct16");
        // Acct16 used less than Acct12, so it has the higher Level FS and UserB the higher FairShare,
        // though UserB alone used more of its own account (all of it) than… the same: each is alone.
        FairShareSnapshot s = FairTree.compute(tree, UsageView.ofCharges(tree, Map.of(a, 30.0, b, 10.0, AssocKey.user("UserC", "Other"), 100.0)));
        assertThat(s.row(AssocKey.account("Acct16")).levelFs()).isGreaterThan(s.row(AssocKey.account("Acct12")).levelFs());
        assertThat(s.factor(b)).isGreaterThan(s.factor(a));
        // Acct1 used 40 of 140 with half the shares: LF = 0.5/(40/140) = 1.75 > Other's 0.5/(100/140) = 0.7
        assertThat(s.factor(a)).isGreaterThan(s.factor(AssocKey.user("UserC", "Other")));
        assertThat(s.factor(b)).isEqualTo(1.0);
        assertThat(s.factor(a)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.factor(AssocKey.user("UserC", "Other"))).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void siblingUsersWithTheSameLevelFairshareShareARank() {
        AccountTree tree = AccountTree.builder().account("a", "root", 1)
                .user("u1", "a", 1).user("u2", "a", 1).user("u3", "a", 1).build();
        AssocKey u1 = AssocKey.user("u1", "a"), u2 = AssocKey.user("u2", "a"), u3 = AssocKey.user("u3", "a");
        FairShareSnapshot s = FairTree.compute(tree, UsageView.ofCharges(tree, Map.of(u1, 5.0, u2, 5.0, u3, 20.0)));
        assertThat(s.factor(u1)).isEqualTo(1.0);
        assertThat(s.factor(u2)).isEqualTo(1.0);
        assertThat(s.factor(u3)).isCloseTo(1.0 / 3, within(1e-12)); // the rank after a tie skips: 3, 3, then 1
    }

    @Test
    void aUserTiedWithASiblingAccountGetsTheRankOfThatAccountsBestUser() {
        // under root: user "solo" (1 share) and account "grp" (1 share) with two users; equal usage → equal LF
        AccountTree tree = AccountTree.builder().user("solo", "root", 1)
                .account("grp", "root", 1).user("x", "grp", 1).user("y", "grp", 1).build();
        AssocKey solo = AssocKey.user("solo", "root"), x = AssocKey.user("x", "grp"), y = AssocKey.user("y", "grp");
        FairShareSnapshot s = FairTree.compute(tree, UsageView.ofCharges(tree, Map.of(solo, 10.0, x, 10.0)));
        // solo first (users before accounts on a tie), rank 3; grp's best user y (no usage, LF ∞) is tied → rank 3
        assertThat(s.factor(solo)).isEqualTo(1.0);
        assertThat(s.factor(y)).isEqualTo(1.0);
        assertThat(s.factor(x)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void siblingAccountsWithTheSameLevelFairshareHaveTheirUsersMerged() {
        // p and q tie (same shares, same usage); their users are ranked together by their own LF
        AccountTree tree = AccountTree.builder().account("p", "root", 1).account("q", "root", 1)
                .user("p1", "p", 1).user("p2", "p", 3).user("q1", "q", 1).build();
        AssocKey p1 = AssocKey.user("p1", "p"), p2 = AssocKey.user("p2", "p"), q1 = AssocKey.user("q1", "q");
        FairShareSnapshot s = FairTree.compute(tree, UsageView.ofCharges(tree, Map.of(p1, 5.0, p2, 5.0, q1, 10.0)));
        // LF: p2 = 0.75/0.5 = 1.5, q1 = 1/1 = 1, p1 = 0.25/0.5 = 0.5 → p2, q1, p1 (not p2, p1, q1)
        assertThat(s.factor(p2)).isEqualTo(1.0);
        assertThat(s.factor(q1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.factor(p1)).isCloseTo(1.0 / 3, within(1e-12));
    }
}
