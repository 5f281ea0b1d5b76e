package org.preemptlab.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.Placement;
import org.preemptlab.partition.Partition;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;

/**
 * {@link TresCapacity}'s copies share the free-room arrays until one changes them (copy on write, session 16): whatever
 * runs of copies ({@code copy}, {@code withSlurmSelection}, {@code meet}) and changes ({@code take}, {@code release},
 * {@code releaseCores}, {@code releaseMemory}, {@code takeCores}, {@code seize}, {@code empty} of a node or of a range) are made, in any order on
 * any of them, each capacity shows exactly the room of a reference kept as arrays of its own. A change that forgot to make
 * the arrays its own first (a missing {@code own()}) shows in a copy or in the original and fails here.
 */
class TresCapacityCopyOnWriteProperties {

    private static final NodeCluster CLUSTER = cluster();
    private static final int NODES = CLUSTER.nodeCount();

    private static NodeCluster cluster() {
        List<NodePool> groups = List.of(
                new NodePool("c", 3, 4, 8000, "", List.of(), 1000, 1, List.of(), List.of(), List.of()),
                new NodePool("g", 2, 8, 16000, "", List.of(), 1000, 1, List.of(new Gres("gpu", "t", 2)), List.of(), List.of()));
        List<Partition> parts = List.of(Partition.of("all", List.of("c", "g")).toBuilder().isDefault(true).build());
        Site site = new Site(parts, SelectType.CONS_TRES, 0, AccountTree.builder().account("a", "root", 1).user("u", "a", 1).build(),
                QosTable.builder().add(Qos.of("normal", 0)).build(), null, false, null, null);
        return new NodeCluster(groups, site);
    }

    /** The reference: a capacity's room as arrays of its own. */
    private record Room(long[] cpus, long[] mem, long[] gpus) {
        static Room of(TresCapacity c) {
            Room r = new Room(new long[NODES], new long[NODES], new long[NODES]);
            for (int n = 0; n < NODES; n++) {
                r.cpus[n] = c.freeCpusOn(n);
                r.mem[n] = c.freeMemoryOn(n);
                r.gpus[n] = c.freeGresOn(n, 0);
            }
            return r;
        }

        Room copy() {
            return new Room(cpus.clone(), mem.clone(), gpus.clone());
        }
    }

    private static void assertRoom(TresCapacity c, Room r, String what) {
        for (int n = 0; n < NODES; n++) {
            assertThat(new long[] {c.freeCpusOn(n), c.freeMemoryOn(n), c.freeGresOn(n, 0)})
                    .as("%s, node %d", what, n).containsExactly(r.cpus[n], r.mem[n], r.gpus[n]);
        }
    }

    @Property(tries = 300)
    void everyCopyKeepsItsOwnRoom(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<TresCapacity> caps = new ArrayList<>();
        List<Room> rooms = new ArrayList<>();
        caps.add(new TresCapacity(CLUSTER));
        rooms.add(Room.of(caps.get(0)));
        boolean shared = false;
        for (int step = 0; step < 60; step++) {
            int i = rnd.nextInt(caps.size());
            TresCapacity c = caps.get(i);
            Room r = rooms.get(i);
            int node = rnd.nextInt(NODES);
            long gpus = CLUSTER.poolOf(node) == 1 ? rnd.nextInt(2) : 0;
            Placement p = Placement.ofTres(CLUSTER.poolOf(node), new int[] {node}, 1 + rnd.nextInt(3), 100L * rnd.nextInt(20),
                    new long[] {gpus}, 0, false);
            int op = rnd.nextInt(11);
            String what = "seed " + seed + ", step " + step + ", op " + op + " on capacity " + i;
            switch (op) {
                case 0, 1 -> { // copies (several of one capacity: the runs of copies a pass makes)
                    caps.add(op == 0 ? c.copy() : c.withSlurmSelection());
                    rooms.add(r.copy());
                    shared |= c.sharesRoom();
                }
                case 2 -> {
                    int j = rnd.nextInt(caps.size());
                    caps.add((TresCapacity) c.meet(caps.get(j)));
                    Room o = rooms.get(j);
                    Room m = r.copy();
                    for (int n = 0; n < NODES; n++) {
                        m.cpus[n] = Math.min(m.cpus[n], o.cpus[n]);
                        m.mem[n] = Math.min(m.mem[n], o.mem[n]);
                        m.gpus[n] = Math.min(m.gpus[n], o.gpus[n]);
                    }
                    rooms.add(m);
                }
                case 3 -> {
                    if (r.cpus[node] >= p.coresPerNode() && r.mem[node] >= p.memoryPerNodeMb() && r.gpus[node] >= gpus) {
                        c.take(p);
                        r.cpus[node] -= p.coresPerNode();
                        r.mem[node] -= p.memoryPerNodeMb();
                        r.gpus[node] -= gpus;
                    }
                }
                case 4 -> {
                    c.release(p);
                    r.cpus[node] += p.coresPerNode();
                    r.mem[node] += p.memoryPerNodeMb();
                    r.gpus[node] += gpus;
                }
                case 5 -> {
                    c.releaseCores(p);
                    r.cpus[node] += p.coresPerNode();
                }
                case 6 -> {
                    c.releaseMemory(p);
                    r.mem[node] += p.memoryPerNodeMb();
                    r.gpus[node] += gpus;
                }
                case 7 -> {
                    if (r.cpus[node] >= p.coresPerNode()) {
                        c.takeCores(p);
                        r.cpus[node] -= p.coresPerNode();
                    }
                }
                case 10 -> { // a range of nodes emptied in one go (the main scheduler's blocked partition)
                    int to = node + 1 + rnd.nextInt(NODES - node);
                    c.empty(node, to);
                    for (int n = node; n < to; n++) {
                        r.cpus[n] = 0;
                        r.mem[n] = 0;
                        r.gpus[n] = 0;
                    }
                }
                default -> {
                    if (op == 8) c.seize(node);
                    else c.empty(node);
                    r.cpus[node] = 0;
                    r.mem[node] = 0;
                    r.gpus[node] = 0;
                }
            }
            for (int k = 0; k < caps.size(); k++) assertRoom(caps.get(k), rooms.get(k), what + ": capacity " + k);
        }
        assertThat(shared || caps.size() == 1).as("seed %d: no copy shared its room", seed).isTrue();
    }

    /** A copy shares the room until a change; the change makes the changed capacity's arrays its own, the other keeps its room. */
    @Test
    void aCopySharesUntilAChange() {
        TresCapacity engine = new TresCapacity(CLUSTER);
        TresCapacity pass = engine.copy().withSlurmSelection();
        assertThat(engine.sharesRoom()).isTrue();
        assertThat(pass.sharesRoom()).isTrue();
        pass.take(Placement.ofTres(1, new int[] {3}, 2, 1000, new long[] {1}, 0, false));
        assertThat(pass.sharesRoom()).isFalse();
        assertThat(pass.freeCpusOn(3)).isEqualTo(6);
        assertThat(engine.freeCpusOn(3)).isEqualTo(8);
        assertThat(engine.freeGresOn(3, 0)).isEqualTo(2);
        engine.empty(0); // the engine's own change: the pass's room stays
        assertThat(engine.freeCpusOn(0)).isZero();
        assertThat(pass.freeCpusOn(0)).isEqualTo(4);
    }

    /**
     * A discarded copy gives its share back: the original's next change needs no copy of the arrays (the pass's scratch room
     * at the pass's end), and the discarded copy's room cannot be read any more (it would show the original's changes).
     */
    @Test
    void aDiscardedCopyLetsTheOriginalChangeInPlace() {
        TresCapacity engine = new TresCapacity(CLUSTER);
        TresCapacity snapshot = engine.copy();
        TresCapacity pass = snapshot.withSlurmSelection();
        snapshot.discard();
        assertThat(engine.sharesRoom()).isTrue();
        pass.discard();
        pass.discard(); // twice: nothing more
        assertThat(engine.sharesRoom()).isFalse();
        TresCapacity kept = engine.copy();
        engine.empty(1);
        assertThat(engine.freeCpusOn(1)).isZero();
        assertThat(kept.freeCpusOn(1)).isEqualTo(4); // a copy not discarded keeps its room
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pass.freeCpusOn(0)).isInstanceOf(NullPointerException.class);
        assertThat(pass.cluster()).isSameAs(CLUSTER); // what does not depend on the room still answers
    }
}
