package org.preemptlab.priority;

import java.util.Map;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;

/**
 * The account tree of the worked example in Slurm's {@code classic_fair_share.html} ("Example",
 * Figure 3): accounts A (40 shares) and D (60) under root; B (30) and C (10) under A; E (25) and F
 * (35) under D; user 1 in B, users 2 and 3 (1 share each) in C, user 4 in E, user 5 in F. Users 1, 2
 * and 4 used 0.2, 0.25 and 0.25 of the machine.
 */
final class DocExampleTree {

    static final AssocKey U1 = AssocKey.user("user1", "B");
    static final AssocKey U2 = AssocKey.user("user2", "C");
    static final AssocKey U3 = AssocKey.user("user3", "C");
    static final AssocKey U4 = AssocKey.user("user4", "E");
    static final AssocKey U5 = AssocKey.user("user5", "F");

    private DocExampleTree() {}

    static AccountTree tree() {
        return AccountTree.builder()
                .account("A", "root", 40).account("D", "root", 60)
                .account("B", "A", 30).account("C", "A", 10)
                .account("E", "D", 25).account("F", "D", 35)
                .user("user1", "B", 1).user("user2", "C", 1).user("user3", "C", 1)
                .user("user4", "E", 1).user("user5", "F", 1)
                .build();
    }

    /** The users' usage as fractions of the machine. */
    static Map<AssocKey, Double> usage() {
        return Map.of(U1, 0.2, U2, 0.25, U4, 0.25);
    }
}
