package org.preemptlab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.tres.Tres;

class AccountTreeTest {

    @Test
    void errorsNameThePlaceAndEveryProblemIsListed() {
        AccountTree.Builder b = AccountTree.builder()
                .account("chem", "root", -1)
                .account("bio", "nowhere", 1)
                .user("alice", "chem", 0)
                .user("bob", "ghost", 1)
                .add(Association.account("phys", "root", 1).withLimits(LimitSet.NONE.withMaxTresPerUser(Tres.parse("cpu=4"))));
        assertThat(b.problems()).containsExactly(
                "accounts[chem].shares: -1; must be ≥ 1",
                "accounts[chem].users[alice].shares: 0; must be ≥ 1",
                "accounts[phys].limits.maxTresPerUser: cpu=4; associations have no MaxTRESPerUser (it is a QOS limit)",
                "accounts[bio].parent: \"nowhere\"; no such account",
                "accounts[ghost].users[bob]: \"ghost\"; no such account");
        assertThatThrownBy(b::build).isInstanceOf(AccountTreeException.class)
                .hasMessageContaining("accounts[chem].shares: -1; must be ≥ 1");
    }

    @Test
    void aParentCycleIsRefusedNamingIt() {
        AccountTree.Builder b = AccountTree.builder().account("a", "b", 1).account("b", "c", 1).account("c", "a", 1);
        assertThat(b.problems()).containsExactly("accounts[a].parent: cycle a → b → c → a; accounts must form a tree under root");
    }

    @Test
    void duplicatesAreRefused() {
        assertThat(AccountTree.builder().account("a", "root", 1).account("a", "root", 2).problems())
                .containsExactly("accounts[a]: given twice");
    }

    @Test
    void settingsAreInheritedDownTheTree() {
        AccountTree t = AccountTree.builder()
                .add(Association.account("science", "root", 3).withDefaultQos("normal").withAllowedQos(Set.of("normal", "high"))
                        .withLimits(LimitSet.builder().maxWall(86400).maxJobsPerUser(10).maxTresPerJob(Tres.parse("cpu=64,node=2")).build()))
                .add(Association.account("chem", "science", 2).withLimits(LimitSet.NONE.withMaxTresPerJob(Tres.parse("cpu=32"))))
                .add(Association.user("alice", "chem", 1).withDefaultQos("high").withPriority(7))
                .user("bob", "chem", 1)
                .build();
        AssocKey alice = AssocKey.user("alice", "chem");
        AssocKey bob = AssocKey.user("bob", "chem");
        assertThat(t.chain(bob)).containsExactly(bob, AssocKey.account("chem"), AssocKey.account("science"), AssocKey.ROOT);
        assertThat(t.defaultQos(alice)).isEqualTo("high");
        assertThat(t.defaultQos(bob)).isEqualTo("normal");
        assertThat(t.mayUse(bob, "high")).isTrue();
        assertThat(t.mayUse(bob, "low")).isFalse();
        assertThat(t.priority(alice)).isEqualTo(7);
        assertThat(t.priority(bob)).isZero();
        LimitSet eff = t.effectiveMaxLimits(bob);
        assertThat(eff.maxWallSeconds()).isEqualTo(86400);
        assertThat(eff.maxJobsPerUser()).isEqualTo(10);
        assertThat(eff.maxTresPerJob()).isEqualTo(Tres.parse("cpu=32,node=2")); // cpu from chem, node from science
        assertThat(t.levelShares(AssocKey.account("chem"))).isEqualTo(2);
        assertThat(t.levelShares(alice)).isEqualTo(2);
        assertThat(t.children(AssocKey.ROOT)).containsExactly(AssocKey.account("science"));
    }
}
