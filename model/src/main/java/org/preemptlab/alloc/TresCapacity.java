package org.preemptlab.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;

/**
 * Free CPUs, memory and GRES on every node of a Slurm (version-2) cluster: Slurm's
 * {@code select/cons_tres} with {@code CR_Core_Memory}. Several jobs share a node while its CPUs,
 * memory and GRES fit; a job with {@code --exclusive}, in an {@code OverSubscribe=EXCLUSIVE}
 * partition or under {@code select/linear} takes whole idle nodes.
 *
 * <p>Placement: the job's partitions in its order (the default partition when it names none),
 * skipping partitions that are not UP or do not admit its account or QOS; in a partition its node
 * groups in order, skipping groups without the features its constraint asks for; in a group the
 * first nodes that fit (first fit). Simplifications (docs/slurm-model.md): a job's nodes lie in one
 * node group; it gets its minimum node count; its CPUs per node round up to whole cores; an
 * untyped GRES request is served by one type per job (the group's first type with enough).
 */
public final class TresCapacity implements Capacity {

    private final NodeCluster cluster;
    private final Site site;
    /** Cluster-wide GRES keys ({@code gpu:a100}, {@code nvme}), in order of first appearance. */
    private final List<Gres> gresKeys;
    private final int g;
    private final int[] firstNode;
    private final int[] groupOf;
    /** Per partition, its groups' indices. */
    private final int[][] partitionGroups;
    /** Per partition, its groups' indices ascending (node order: {@link #selectIn}'s classes). */
    private final int[][] partitionGroupsByNode;
    /** Per group, the GRES totals of one node by key index. */
    private final long[][] groupGres;
    /** Free room per node: shared with copies until one of them changes it ({@link #share}). */
    private int[] freeCpus;
    private long[] freeMem;
    private long[] freeGres;
    /**
     * How many capacities hold this capacity's free-room arrays ({@link #freeCpus}, {@link #freeMem}, {@link #freeGres}):
     * a {@link #copy} shares them (copy on write) and every change first makes them this capacity's own ({@link #own}). A
     * copy is made at every scheduling pass ({@code Snapshot.freeCapacity}) and most passes change nothing. Atomic: copies
     * of one capacity may be made on several threads (a scenario's initial room); changes stay with one thread each.
     */
    private AtomicInteger share;
    /**
     * Per node group, how many jobs may be allocated each core (gang scheduling: the partitions'
     * {@code OverSubscribe=FORCE:N}); the group's nodes then offer N times their CPUs, while memory
     * and GRES are offered once (Slurm oversubscribes neither: a suspended job keeps its memory and
     * GRES). Null when no group shares.
     */
    private final int[] rows;
    /**
     * Nodes chosen as Slurm's cons_tres chooses them ({@link ConsTresSelect}: node-set best fit over every
     * node of the partition, across node groups) instead of first fit in one group; set by
     * {@link #withSlurmSelection()} (Slurm's scheduling loop), kept by copies. Not with gang rows.
     */
    private final boolean slurmSelect;

    public TresCapacity(NodeCluster cluster) {
        this(cluster, null);
    }

    /**
     * A capacity whose node group {@code g} lets {@code rows[g]} jobs share each CPU (gang
     * scheduling). Placement prefers CPUs shared by fewer jobs, like Slurm's cons_tres filling its
     * rows in order: first nodes whose CPUs are free in the first row, then in the second, …
     */
    public TresCapacity(NodeCluster cluster, int[] rows) {
        if (cluster.site() == null) throw new IllegalArgumentException("a cons_tres capacity needs a Slurm cluster (version 2)");
        this.cluster = cluster;
        this.site = cluster.site();
        List<NodePool> pools = cluster.pools();
        if (rows != null && rows.length != pools.size()) {
            throw new IllegalArgumentException("rows: " + rows.length + " values for " + pools.size() + " node groups");
        }
        this.rows = rows == null ? null : rows.clone();
        this.slurmSelect = false;
        List<Gres> keys = new ArrayList<>();
        for (NodePool p : pools) {
            for (Gres gr : p.gres()) {
                boolean seen = false;
                for (Gres k : keys) seen |= k.key().equals(gr.key());
                if (!seen) keys.add(new Gres(gr.name(), gr.type(), 0));
            }
        }
        this.gresKeys = List.copyOf(keys);
        this.g = keys.size();
        this.groupGres = new long[pools.size()][g];
        for (int p = 0; p < pools.size(); p++) {
            for (Gres gr : pools.get(p).gres()) groupGres[p][keyIndex(gr.key())] += gr.count();
        }
        int n = cluster.nodeCount();
        this.firstNode = new int[pools.size() + 1];
        this.groupOf = new int[n];
        this.freeCpus = new int[n];
        this.freeMem = new long[n];
        this.freeGres = new long[n * g];
        this.share = new AtomicInteger(1);
        int node = 0;
        for (int p = 0; p < pools.size(); p++) {
            NodePool pool = pools.get(p);
            firstNode[p] = node;
            for (int i = 0; i < pool.nodes(); i++, node++) {
                groupOf[node] = p;
                freeCpus[node] = Math.multiplyExact(pool.coresPerNode(), rowsOf(p));
                freeMem[node] = pool.memoryPerNodeMb();
                System.arraycopy(groupGres[p], 0, freeGres, node * g, g);
            }
        }
        firstNode[pools.size()] = node;
        this.partitionGroups = new int[site.partitions().size()][];
        for (int pi = 0; pi < partitionGroups.length; pi++) {
            List<String> names = site.partitions().get(pi).groups();
            partitionGroups[pi] = names.stream().mapToInt(cluster::poolIndex).filter(i -> i >= 0).toArray();
        }
        this.partitionGroupsByNode = new int[partitionGroups.length][];
        for (int pi = 0; pi < partitionGroups.length; pi++) {
            partitionGroupsByNode[pi] = partitionGroups[pi].clone();
            Arrays.sort(partitionGroupsByNode[pi]);
        }
    }

    private TresCapacity(TresCapacity o) {
        this(o, o.slurmSelect);
    }

    /** A copy of {@code o} sharing its free-room arrays until either changes them ({@link #own}). */
    private TresCapacity(TresCapacity o, boolean slurmSelect) {
        this.slurmSelect = slurmSelect && o.rows == null;
        this.cluster = o.cluster;
        this.site = o.site;
        this.gresKeys = o.gresKeys;
        this.g = o.g;
        this.firstNode = o.firstNode;
        this.groupOf = o.groupOf;
        this.partitionGroups = o.partitionGroups;
        this.partitionGroupsByNode = o.partitionGroupsByNode;
        this.groupGres = o.groupGres;
        this.rows = o.rows;
        AtomicInteger sh = o.share;
        sh.incrementAndGet();
        this.share = sh;
        this.freeCpus = o.freeCpus;
        this.freeMem = o.freeMem;
        this.freeGres = o.freeGres;
        this.scratchOwner = o.scratchOwner; // a thread's scratch: the copy checks the thread as the original does
    }

    /**
     * Makes the free-room arrays this capacity's own before it changes them: while a copy shares them, this capacity takes
     * copies of them and leaves the shared ones to the others (copy on write). Every method that writes them calls it first.
     */
    private void own() {
        AtomicInteger sh = share;
        if (sh.get() == 1) return; // no other capacity holds them (any more)
        if (sh.getAndDecrement() == 1) { // the others let go meanwhile: the arrays were already this capacity's alone
            sh.set(1);
            return;
        }
        freeCpus = freeCpus.clone();
        freeMem = freeMem.clone();
        freeGres = freeGres.clone();
        share = new AtomicInteger(1);
    }

    /**
     * Gives this capacity up: it is not used any more (a pass's scratch copy at the pass's end), so the capacities that shared
     * its free-room arrays need not copy them for their next change. Any later use of its room fails (its arrays are gone);
     * what does not depend on the room ({@link #candidates}, {@link #placement}, {@link #cluster}) still answers.
     */
    public void discard() {
        if (freeCpus == null) return;
        share.decrementAndGet();
        freeCpus = null;
        freeMem = null;
        freeGres = null;
    }

    /** True if this capacity's free-room arrays are shared with a copy (for tests of the copy on write). */
    boolean sharesRoom() {
        return share.get() > 1;
    }

    /**
     * A copy that places jobs as Slurm's {@code select/cons_tres} does ({@link ConsTresSelect}): a job's
     * nodes may lie in several node groups of its partition when each node's need is the same (CPUs,
     * memory, GRES per node), chosen by Slurm's node-set best fit in node order. Gang rows keep first fit.
     */
    public TresCapacity withSlurmSelection() {
        return new TresCapacity(this, true);
    }

    /** True if jobs are placed as Slurm's cons_tres chooses ({@link #withSlurmSelection()}). */
    public boolean slurmSelection() {
        return slurmSelect;
    }

    /** Jobs per CPU in node group {@code group} (1: no sharing). */
    public int rowsOf(int group) {
        return rows == null ? 1 : rows[group];
    }

    private int keyIndex(String key) {
        for (int i = 0; i < gresKeys.size(); i++) if (gresKeys.get(i).key().equals(key)) return i;
        return -1;
    }

    /** The cluster's GRES keys ({@code gpu:a100}, …): index {@code i} of a placement's {@link Placement#gresPerNode()}. */
    public List<Gres> gresKeys() {
        return gresKeys;
    }

    public NodeCluster cluster() {
        return cluster;
    }

    public int freeCpusOn(int node) {
        return freeCpus[node];
    }

    public long freeMemoryOn(int node) {
        return freeMem[node];
    }

    public long freeGresOn(int node, int key) {
        return freeGres[node * g + key];
    }

    /** The partitions a job is considered for, by index, in its order (the default partition when it names none). */
    public int[] partitionsOf(JobSpec job) {
        SlurmRequest r = job.slurm();
        if (r == null || r.partitions().isEmpty()) return new int[] {site.partitionIndex(site.defaultPartition().name())};
        List<String> names = r.partitions();
        int[] out = new int[names.size()];
        int n = 0;
        for (String name : names) {
            int i = site.partitionIndex(name);
            if (i >= 0) out[n++] = i;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * One place {@link #place} tries a job, in its order: partition {@code partition}'s node group
     * {@code group} (nodes {@code firstNode} to {@code endNode} − 1), where a node must have
     * {@code need} free ({@link #fitsOn}).
     */
    public record Candidate(int partition, int group, int firstNode, int endNode, long[] need) {}

    /**
     * Every (partition, group) {@link #place} tries for the job, in its order; they depend on the
     * job and the site only, not on what is free. {@code place(job)} is the placement of the first
     * candidate with {@code job.nodes()} nodes that {@link #fitsOn} ({@link #placement}), or null.
     */
    public List<Candidate> candidates(JobSpec job) {
        SlurmRequest r = job.slurm();
        String account = r == null ? "" : r.account();
        List<Candidate> out = new ArrayList<>(2);
        for (int pi : partitionsOf(job)) {
            Partition part = site.partitions().get(pi);
            if (part.state() != PartitionState.UP || !part.admitsAccount(account) || !part.admitsQos(job.qos())) continue;
            for (int group : partitionGroups[pi]) {
                long[] need = need(group, pi, job);
                if (need != null) out.add(new Candidate(pi, group, firstNode[group], firstNode[group + 1], need));
            }
        }
        return out;
    }

    /** True if node {@code node} has a candidate's {@code need} free. */
    public boolean fitsOn(int node, long[] need) {
        return fits(node, need);
    }

    /** The placement {@link #place} makes for a candidate on the chosen nodes (ascending, {@code job.nodes()} of them). */
    public Placement placement(Candidate c, int[] nodes) {
        long[] need = c.need();
        long[] gres = g == 0 ? null : Arrays.copyOfRange(need, 3, 3 + g);
        return Placement.ofTres(groupOf[nodes[0]], nodes, (int) need[0], need[1], gres, c.partition(), need[2] == 1);
    }

    @Override
    public Placement place(JobSpec job) {
        SlurmRequest r = job.slurm();
        String account = r == null ? "" : r.account();
        for (int pi : partitionsOf(job)) {
            Partition part = site.partitions().get(pi);
            if (part.state() != PartitionState.UP || !part.admitsAccount(account) || !part.admitsQos(job.qos())) continue;
            Placement p = slurmSelect ? selectIn(pi, job) : placeIn(pi, job);
            if (p != null) return p;
        }
        return null;
    }

    /**
     * Slurm's choice ({@link ConsTresSelect}) in partition {@code pi}, or null: the partition's node groups
     * whose nodes need the same ({@code need}) form one class, searched over all their nodes in node
     * order; classes in the order of their first node, the first that serves the job wins.
     */
    private Placement selectIn(int pi, JobSpec job) {
        int[] groups = partitionGroupsByNode[pi];
        long[][] needs = new long[groups.length][];
        for (int i = 0; i < groups.length; i++) needs[i] = need(groups[i], pi, job);
        boolean[] done = new boolean[groups.length];
        SelectScratch scratch = selectScratch().ensure(freeCpus.length);
        int[] nodes = scratch.nodes;
        long[] avail = scratch.avail;
        for (int i = 0; i < groups.length; i++) {
            if (done[i] || needs[i] == null) continue;
            long[] need = needs[i];
            int count = 0;
            for (int j = i; j < groups.length; j++) {
                if (done[j] || !Arrays.equals(needs[j], need)) continue;
                done[j] = true;
                int group = groups[j];
                for (int node = firstNode[group]; node < firstNode[group + 1]; node++) {
                    if (!fits(node, need)) continue;
                    nodes[count] = node;
                    avail[count++] = ConsTresSelect.availableCpus(freeCpus[node], need);
                }
            }
            int[] chosen = ConsTresSelect.select(nodes, avail, null, count, job.nodes(), need[0], scratch.select);
            if (chosen == null) continue;
            long[] gres = g == 0 ? null : Arrays.copyOfRange(need, 3, 3 + g);
            return Placement.ofTres(groupOf[chosen[0]], chosen, (int) need[0], need[1], gres, pi, need[2] == 1);
        }
        return null;
    }

    /**
     * {@link #selectIn}'s working arrays, one set per thread (capacities and their copies may be used on several threads;
     * a call of selectIn uses them only until it returns; nothing in them is read before it is written in the call).
     */
    private static final ThreadLocal<SelectScratch> SELECT_SCRATCH = ThreadLocal.withInitial(SelectScratch::new);

    /** The thread that last called {@link #selectIn} on this capacity and its scratch (immutable: one read sees both). */
    private record ScratchOwner(Thread thread, SelectScratch scratch) {}

    /** The last caller's, kept: a pass places job after job on one capacity, one thread-local look-up each before. */
    private ScratchOwner scratchOwner;

    /** This thread's {@link #SELECT_SCRATCH}, looked up once per capacity and thread. */
    private SelectScratch selectScratch() {
        Thread t = Thread.currentThread();
        ScratchOwner o = scratchOwner;
        if (o == null || o.thread() != t) scratchOwner = o = new ScratchOwner(t, SELECT_SCRATCH.get());
        return o.scratch();
    }

    private static final class SelectScratch {
        int[] nodes = new int[0];
        long[] avail = new long[0];
        final ConsTresSelect.Scratch select = new ConsTresSelect.Scratch();

        SelectScratch ensure(int n) {
            if (nodes.length < n) {
                nodes = new int[n];
                avail = new long[n];
            }
            return this;
        }
    }

    /** First fit of the job in partition {@code pi} (whatever its state), or null. */
    public Placement placeIn(int pi, JobSpec job) {
        for (int group : partitionGroups[pi]) {
            long[] need = need(group, pi, job);
            if (need == null) continue;
            Placement p = placeInGroup(group, pi, job.nodes(), need);
            if (p != null) return p;
        }
        return null;
    }

    /**
     * The placement of the job on exactly these nodes (a job already running there when the scenario
     * begins), in the first of its partitions that holds their node group; null if none does, the
     * nodes are of several groups, or a node can never hold it. Free room is not checked: {@link #take} does.
     */
    public Placement placeOn(JobSpec job, int[] nodes) {
        if (nodes.length == 0 || nodes.length != job.nodes()) return null;
        int group = cluster.poolOf(nodes[0]);
        for (int n : nodes) if (n < 0 || n >= cluster.nodeCount() || cluster.poolOf(n) != group) return null;
        for (int pi : partitionsOf(job)) {
            boolean holds = false;
            for (int gi : partitionGroups[pi]) holds |= gi == group;
            if (!holds) continue;
            long[] need = need(group, pi, job);
            if (need == null) return null;
            long[] gres = g == 0 ? null : Arrays.copyOfRange(need, 3, 3 + g);
            return Placement.ofTres(group, nodes.clone(), (int) need[0], need[1], gres, pi, need[2] == 1);
        }
        return null;
    }

    /**
     * Whether the job could ever run in partition {@code pi} on an empty cluster (its nodes exist
     * with the features, CPUs, memory and GRES it asks for).
     */
    public boolean couldEverRun(int pi, JobSpec job) {
        for (int group : partitionGroups[pi]) {
            if (need(group, pi, job) != null && cluster.pools().get(group).nodes() >= job.nodes()) return true;
        }
        return false;
    }

    /**
     * What one node of {@code group} must have free for the job: {cpus, mem, whole (0/1), gres by key…},
     * or null if no node of the group can ever hold it (features, size).
     */
    private long[] need(int group, int pi, JobSpec job) {
        NodePool pool = cluster.pools().get(group);
        SlurmRequest r = job.slurm();
        if (r != null && !r.constraint().matches(pool.features())) return null;
        boolean whole = site.select() == SelectType.LINEAR || site.partitions().get(pi).exclusiveNodes()
                || (r != null && r.exclusive());
        int threads = pool.threadsPerCore();
        long cpus = ((long) job.coresPerNode() + threads - 1) / threads * threads;
        long mem = r != null && r.wholeNodeMemory() ? pool.memoryPerNodeMb() : job.memoryPerNodeMb();
        if (cpus > pool.coresPerNode() || mem > pool.memoryPerNodeMb()) return null;
        long[] need = new long[3 + g];
        if (r != null) {
            for (Gres want : r.gresOnEachNode(job.nodes())) {
                if (want.count() == 0) continue;
                int chosen = -1;
                for (int k = 0; k < g && chosen < 0; k++) {
                    if (want.servedBy(gresKeys.get(k)) && groupGres[group][k] >= need[3 + k] + want.count()) chosen = k;
                }
                if (chosen < 0) return null;
                need[3 + chosen] += want.count();
            }
        }
        if (whole) {
            need[0] = pool.coresPerNode();
            need[1] = pool.memoryPerNodeMb();
            need[2] = 1;
            System.arraycopy(groupGres[group], 0, need, 3, g);
        } else {
            need[0] = cpus;
            need[1] = mem;
        }
        return need;
    }

    private Placement placeInGroup(int group, int pi, int nodes, long[] need) {
        // more nodes than the group has never fit: refused before the array of chosen nodes is made (NNodes
        // 2147483647 in an sacct row asked for one beyond what a JVM can make)
        if (nodes > firstNode[group + 1] - firstNode[group]) return null;
        int n = rowsOf(group);
        int physical = cluster.pools().get(group).coresPerNode();
        int[] chosen = null;
        for (int row = 1; row <= n && chosen == null; row++) {
            // CPUs free in rows 1 … row: what is free beyond the rows above, which other jobs fill first
            long reserved = (long) (n - row) * physical;
            if (need[2] == 1) reserved = (long) (n - 1) * physical; // whole nodes: only idle nodes
            int[] c = new int[nodes];
            int k = 0;
            for (int node = firstNode[group]; node < firstNode[group + 1] && k < nodes; node++) {
                if (fits(node, need, reserved)) c[k++] = node;
            }
            if (k == nodes) chosen = c;
        }
        if (chosen == null) return null;
        long[] gres = g == 0 ? null : Arrays.copyOfRange(need, 3, 3 + g);
        return Placement.ofTres(group, chosen, (int) need[0], need[1], gres, pi, need[2] == 1);
    }

    /** Room for {@code need} on the node in any row (whole nodes: only an idle node). */
    private boolean fits(int node, long[] need) {
        int group = groupOf[node];
        long reserved = need[2] == 1 ? (long) (rowsOf(group) - 1) * cluster.pools().get(group).coresPerNode() : 0;
        return fits(node, need, reserved);
    }

    private boolean fits(int node, long[] need, long reservedCpus) {
        if (freeCpus[node] - reservedCpus < need[0] || freeMem[node] < need[1]) return false;
        int base = node * g;
        for (int k = 0; k < g; k++) if (freeGres[base + k] < need[3 + k]) return false;
        return true;
    }

    private long gresOf(Placement p, int k) {
        long[] gr = p.gresPerNode();
        return gr == null ? 0 : gr[k];
    }

    @Override
    public Placement take(Placement placement) {
        for (int node : placement.nodes()) {
            boolean ok = freeCpus[node] >= placement.coresPerNode() && freeMem[node] >= placement.memoryPerNodeMb();
            for (int k = 0; k < g && ok; k++) ok = freeGres[node * g + k] >= gresOf(placement, k);
            if (!ok) {
                throw new IllegalStateException("node " + cluster.nodeName(node) + " has " + freeCpus[node] + " CPUs, "
                        + freeMem[node] + " MB" + gresText(node) + " free; cannot take " + placement.coresPerNode()
                        + " CPUs and " + placement.memoryPerNodeMb() + " MB" + gresText(placement));
            }
        }
        own();
        for (int node : placement.nodes()) {
            freeCpus[node] -= placement.coresPerNode();
            freeMem[node] -= placement.memoryPerNodeMb();
            for (int k = 0; k < g; k++) freeGres[node * g + k] -= gresOf(placement, k);
        }
        return placement;
    }

    private String gresText(int node) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < g; k++) b.append(", ").append(gresKeys.get(k).key()).append(' ').append(freeGres[node * g + k]);
        return b.toString();
    }

    private String gresText(Placement p) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < g; k++) if (gresOf(p, k) > 0) b.append(", ").append(gresKeys.get(k).key()).append(' ').append(gresOf(p, k));
        return b.toString();
    }

    @Override
    public void release(Placement placement) {
        own();
        for (int node : placement.nodes()) {
            freeCpus[node] += placement.coresPerNode();
            freeMem[node] += placement.memoryPerNodeMb();
            for (int k = 0; k < g; k++) freeGres[node * g + k] += gresOf(placement, k);
        }
    }

    /** Gives back the CPUs only: a suspended job keeps its memory and GRES (as in Slurm). */
    @Override
    public void releaseCores(Placement placement) {
        own();
        for (int node : placement.nodes()) freeCpus[node] += placement.coresPerNode();
    }

    /** Gives back memory and GRES (a suspended job leaves its nodes; its CPUs were already free). */
    @Override
    public void releaseMemory(Placement placement) {
        own();
        for (int node : placement.nodes()) {
            freeMem[node] += placement.memoryPerNodeMb();
            for (int k = 0; k < g; k++) freeGres[node * g + k] += gresOf(placement, k);
        }
    }

    @Override
    public void takeCores(Placement placement) {
        for (int node : placement.nodes()) {
            if (freeCpus[node] < placement.coresPerNode()) {
                throw new IllegalStateException("node " + cluster.nodeName(node) + " has " + freeCpus[node]
                        + " CPUs free; cannot take " + placement.coresPerNode());
            }
        }
        own();
        for (int node : placement.nodes()) freeCpus[node] -= placement.coresPerNode();
    }

    @Override
    public boolean coresFree(Placement placement) {
        for (int node : placement.nodes()) if (freeCpus[node] < placement.coresPerNode()) return false;
        return true;
    }

    @Override
    public Placement seize(int node) {
        long[] gres = g == 0 ? null : Arrays.copyOfRange(freeGres, node * g, node * g + g);
        Placement p = Placement.ofTres(groupOf[node], new int[] {node}, freeCpus[node], freeMem[node], gres, -1, false);
        empty(node);
        return p;
    }

    /** What {@link #seize} does to node {@code node}, without the placement of what it held (for a mask never given back). */
    public void empty(int node) {
        own();
        freeCpus[node] = 0;
        freeMem[node] = 0;
        Arrays.fill(freeGres, node * g, node * g + g, 0);
    }

    /** {@link #empty(int)} of the nodes [from, to), in one go. */
    public void empty(int from, int to) {
        if (from < 0 || to > freeCpus.length || from > to) throw new IndexOutOfBoundsException("nodes [" + from + ", " + to + ") of " + freeCpus.length);
        own();
        Arrays.fill(freeCpus, from, to, 0);
        Arrays.fill(freeMem, from, to, 0);
        Arrays.fill(freeGres, from * g, to * g, 0);
    }

    @Override
    public TresCapacity copy() {
        return new TresCapacity(this);
    }

    @Override
    public Capacity meet(Capacity other) {
        TresCapacity o = (TresCapacity) other;
        TresCapacity m = new TresCapacity(this);
        m.own();
        for (int i = 0; i < freeCpus.length; i++) {
            m.freeCpus[i] = Math.min(freeCpus[i], o.freeCpus[i]);
            m.freeMem[i] = Math.min(freeMem[i], o.freeMem[i]);
        }
        for (int i = 0; i < freeGres.length; i++) m.freeGres[i] = Math.min(freeGres[i], o.freeGres[i]);
        return m;
    }

    @Override
    public long freeCores() {
        long sum = 0;
        for (int c : freeCpus) sum += c;
        return sum;
    }

    @Override
    public String toString() {
        return "free CPUs " + Arrays.toString(freeCpus) + ", free MB " + Arrays.toString(freeMem)
                + (g == 0 ? "" : ", free GRES " + Arrays.toString(freeGres));
    }
}
