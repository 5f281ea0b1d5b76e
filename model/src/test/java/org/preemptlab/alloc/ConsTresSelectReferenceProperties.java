package org.preemptlab.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link ConsTresSelect#select} chooses what the general loop of {@link ConsTresSelectReference} chooses: above all for one
 * wanted node (its one-pass {@code selectOne}, with the fall back to the general loop when the best set has no node with a
 * CPU available), with and without weights, sets of nodes with no CPU available, zero CPUs per node and ties.
 */
class ConsTresSelectReferenceProperties {

    @Property(tries = 500)
    void choosesAsTheGeneralLoop(@ForAll long seed) {
        Random rnd = new Random(seed);
        ConsTresSelect.Scratch scratch = new ConsTresSelect.Scratch();
        for (int call = 0; call < 40; call++) {
            int count = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 40);
            int[] nodes = new int[count + rnd.nextInt(3)];
            long[] avail = new long[nodes.length];
            long[] weight = rnd.nextBoolean() ? null : new long[nodes.length];
            int node = rnd.nextInt(4);
            int zeros = rnd.nextInt(4); // how often a node has no CPU available: never, rarely, often, mostly
            for (int p = 0; p < nodes.length; p++) {
                node += rnd.nextInt(3) == 0 ? 2 + rnd.nextInt(3) : 1; // runs of consecutive nodes, and gaps
                nodes[p] = node;
                avail[p] = rnd.nextInt(8) < 2 * zeros ? 0 : 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 64); // ties with few values
                if (weight != null) weight[p] = rnd.nextInt(3);
            }
            int wanted = rnd.nextInt(3) > 0 ? 1 : 1 + rnd.nextInt(Math.min(count, 8));
            long cpusEach = rnd.nextInt(6) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 40);
            int[] want = ConsTresSelectReference.select(nodes, avail, weight, count, wanted, cpusEach);
            assertThat(ConsTresSelect.select(nodes, avail, weight, count, wanted, cpusEach, scratch))
                    .as("call %d of seed %d", call, seed).isEqualTo(want);
            assertThat(ConsTresSelect.select(nodes, avail, weight, count, wanted, cpusEach))
                    .as("call %d of seed %d, fresh arrays", call, seed).isEqualTo(want);
        }
    }
}
