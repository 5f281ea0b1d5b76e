package org.preemptlab.sim;

import java.util.Comparator;
import org.preemptlab.job.JobView;

/**
 * The waiting jobs of one processor count in queue order (a treap: a search tree balanced by
 * pseudo-random priorities), each subtree knowing its least requested wall time, so that "the first
 * job after a given one, in queue order, asking for at most W seconds" takes O(log n) steps instead of
 * a walk over the jobs (or over the wall-time groups) in between. The priorities come from a fixed
 * sequence: the same changes give the same tree; the answers never depend on the tree's shape.
 */
final class WalltimeIndex {

    private static final class Node {
        final JobView job;
        final long walltime;
        final int priority;
        Node left;
        Node right;
        /** Least wall time in this subtree. */
        long min;

        Node(JobView job, long walltime, int priority) {
            this.job = job;
            this.walltime = walltime;
            this.priority = priority;
            this.min = walltime;
        }

        void update() {
            long m = walltime;
            if (left != null && left.min < m) m = left.min;
            if (right != null && right.min < m) m = right.min;
            min = m;
        }
    }

    private final Comparator<? super JobView> order;
    private Node root;
    private int size;
    /** xorshift state for the priorities (fixed seed: a run is repeatable). */
    private int seed = 0x2545F491;

    WalltimeIndex(Comparator<? super JobView> order) {
        this.order = order;
    }

    int size() {
        return size;
    }

    private int nextPriority() {
        int x = seed;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        seed = x;
        return x;
    }

    /** Adds a job (not already held) with the wall time it asks for. */
    void add(JobView job, long walltime) {
        root = insert(root, new Node(job, walltime, nextPriority()));
        size++;
    }

    private Node insert(Node n, Node x) {
        if (n == null) return x;
        if (x.priority > n.priority) {
            split(n, x.job);
            x.left = splitLeft;
            x.right = splitRight;
            x.update();
            return x;
        }
        int c = order.compare(x.job, n.job);
        if (c == 0) throw new IllegalStateException("job " + x.job.name() + " is indexed twice");
        if (c < 0) n.left = insert(n.left, x);
        else n.right = insert(n.right, x);
        n.update();
        return n;
    }

    private Node splitLeft;
    private Node splitRight;

    /** Splits {@code n} into the jobs before {@code key} (splitLeft) and after it (splitRight); key is not in it. */
    private void split(Node n, JobView key) {
        if (n == null) {
            splitLeft = null;
            splitRight = null;
            return;
        }
        if (order.compare(n.job, key) < 0) {
            split(n.right, key);
            n.right = splitLeft;
            n.update();
            splitLeft = n;
        } else {
            split(n.left, key);
            n.left = splitRight;
            n.update();
            splitRight = n;
        }
    }

    /** Removes a job; false if it is not held. */
    boolean remove(JobView job) {
        int before = size;
        root = delete(root, job);
        return size < before;
    }

    private Node delete(Node n, JobView job) {
        if (n == null) return null;
        int c = order.compare(job, n.job);
        if (c == 0) {
            size--;
            return merge(n.left, n.right);
        }
        if (c < 0) n.left = delete(n.left, job);
        else n.right = delete(n.right, job);
        n.update();
        return n;
    }

    private static Node merge(Node a, Node b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.priority > b.priority) {
            a.right = merge(a.right, b);
            a.update();
            return a;
        }
        b.left = merge(a, b.left);
        b.update();
        return b;
    }

    /**
     * The first job after {@code after} in queue order (all jobs when it is null) asking for at most
     * {@code maxWalltime} seconds; null if none.
     */
    JobView firstAfter(JobView after, long maxWalltime) {
        return first(root, after, maxWalltime);
    }

    private JobView first(Node n, JobView after, long maxWalltime) {
        while (n != null && n.min <= maxWalltime) {
            if (after != null && order.compare(n.job, after) <= 0) {
                n = n.right;
                continue;
            }
            JobView r = first(n.left, after, maxWalltime);
            if (r != null) return r;
            if (n.walltime <= maxWalltime) return n.job;
            n = n.right;
            after = null; // every job on the right comes after `after`
        }
        return null;
    }
}
