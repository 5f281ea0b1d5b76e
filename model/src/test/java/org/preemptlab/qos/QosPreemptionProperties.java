package org.preemptlab.qos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Over random Preempt lists: the table is built exactly when the relation has no cycle. */
class QosPreemptionProperties {

    @Property(tries = 500, seed = "20261206")
    void aTableIsBuiltIffThePreemptionRelationIsAcyclic(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(7);
        boolean[][] edge = new boolean[n][n];
        QosTable.Builder b = QosTable.builder();
        for (int i = 0; i < n; i++) {
            Set<String> preempt = new HashSet<>();
            for (int j = 0; j < n; j++) {
                if (r.nextInt(n + 2) == 0) {
                    edge[i][j] = true;
                    preempt.add("q" + j);
                }
            }
            b.add(Qos.of("q" + i, i).withPreempt(preempt));
        }
        // independent check: Warshall's transitive closure; a cycle is some i reaching itself
        boolean[][] reach = new boolean[n][n];
        for (int i = 0; i < n; i++) reach[i] = edge[i].clone();
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) reach[i][j] |= reach[i][k] && reach[k][j];
        boolean cyclic = false;
        for (int i = 0; i < n; i++) cyclic |= reach[i][i];

        List<String> problems = b.problems();
        assertThat(problems.isEmpty()).isEqualTo(!cyclic);
        if (cyclic) {
            assertThat(problems).allMatch(p -> p.contains("cycle"));
            // the named cycle is a real one: each step is a Preempt entry
            String[] steps = problems.get(0).replaceAll(".*cycle (.*?);.*", "$1").split(" → ");
            for (int s = 0; s + 1 < steps.length; s++) {
                assertThat(edge[Integer.parseInt(steps[s].substring(1))][Integer.parseInt(steps[s + 1].substring(1))]).isTrue();
            }
            assertThat(steps[0]).isEqualTo(steps[steps.length - 1]);
        } else {
            QosTable t = b.build();
            List<String> names = new ArrayList<>(t.names());
            for (String a : names) for (String c : names) {
                if (t.canPreempt(a, c)) assertThat(t.tier(a)).isGreaterThan(t.tier(c));
            }
        }
    }
}
