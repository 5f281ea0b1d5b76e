package org.preemptlab.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link ConsTresSelect#select} with one scratch reused over a run of calls (larger and smaller, with and without
 * weights) chooses what each call chooses with working arrays of its own.
 */
class ConsTresSelectScratchProperties {

    @Property(tries = 300)
    void aReusedScratchChoosesAsFreshArrays(@ForAll long seed) {
        Random rnd = new Random(seed);
        ConsTresSelect.Scratch scratch = new ConsTresSelect.Scratch();
        for (int call = 0; call < 40; call++) {
            int count = 1 + rnd.nextInt(rnd.nextBoolean() ? 6 : 40);
            int[] nodes = new int[count + rnd.nextInt(3)];
            long[] avail = new long[nodes.length];
            long[] weight = rnd.nextBoolean() ? null : new long[nodes.length];
            int node = rnd.nextInt(4);
            for (int p = 0; p < nodes.length; p++) {
                node += rnd.nextInt(3) == 0 ? 2 + rnd.nextInt(3) : 1; // runs of consecutive nodes, and gaps
                nodes[p] = node;
                avail[p] = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(64);
                if (weight != null) weight[p] = rnd.nextInt(3);
            }
            int wanted = 1 + rnd.nextInt(Math.min(count, rnd.nextBoolean() ? 2 : 8));
            long cpusEach = rnd.nextInt(6) == 0 ? 0 : 1 + rnd.nextInt(16);
            int[] want = ConsTresSelect.select(nodes, avail, weight, count, wanted, cpusEach);
            int[] got = ConsTresSelect.select(nodes, avail, weight, count, wanted, cpusEach, scratch);
            assertThat(got).as("call %d of seed %d", call, seed).isEqualTo(want);
        }
    }
}
