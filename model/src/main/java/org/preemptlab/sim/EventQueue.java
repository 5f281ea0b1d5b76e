package org.preemptlab.sim;

import java.util.Arrays;

/**
 * Future events ordered by time, then kind, then insertion: a deterministic total order. A binary
 * heap over parallel primitive arrays (time, kind, insertion number): comparing two entries reads
 * three arrays and calls nothing, and adding an event allocates nothing but the event.
 */
final class EventQueue {

    private long[] time = new long[64];
    private int[] kind = new int[64];
    private long[] seq = new long[64];
    private SimEvent[] events = new SimEvent[64];
    private int size;
    private long nextSeq;

    void add(SimEvent event) {
        if (size == events.length) grow();
        int i = size++;
        long t = event.time();
        int k = event.kind().ordinal();
        long s = nextSeq++;
        while (i > 0) { // sift up
            int parent = (i - 1) >>> 1;
            if (!less(t, k, s, parent)) break;
            move(parent, i);
            i = parent;
        }
        set(i, t, k, s, event);
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        if (size == 0) throw new java.util.NoSuchElementException("no events");
        return time[0];
    }

    int peekKindOrdinal() {
        if (size == 0) throw new java.util.NoSuchElementException("no events");
        return kind[0];
    }

    SimEvent poll() {
        if (size == 0) return null;
        SimEvent first = events[0];
        int last = --size;
        long t = time[last];
        int k = kind[last];
        long s = seq[last];
        SimEvent e = events[last];
        events[last] = null;
        if (last > 0) {
            int i = 0;
            int half = last >>> 1;
            while (i < half) { // sift down
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && less(time[right], kind[right], seq[right], child)) child = right;
                if (!lessAt(child, t, k, s)) break;
                move(child, i);
                i = child;
            }
            set(i, t, k, s, e);
        }
        return first;
    }

    int size() {
        return size;
    }

    /** Entry (t, k, s) orders before the entry at {@code j}. */
    private boolean less(long t, int k, long s, int j) {
        if (t != time[j]) return t < time[j];
        if (k != kind[j]) return k < kind[j];
        return s < seq[j];
    }

    /** The entry at {@code j} orders before (t, k, s). */
    private boolean lessAt(int j, long t, int k, long s) {
        if (time[j] != t) return time[j] < t;
        if (kind[j] != k) return kind[j] < k;
        return seq[j] < s;
    }

    private void move(int from, int to) {
        time[to] = time[from];
        kind[to] = kind[from];
        seq[to] = seq[from];
        events[to] = events[from];
    }

    private void set(int i, long t, int k, long s, SimEvent e) {
        time[i] = t;
        kind[i] = k;
        seq[i] = s;
        events[i] = e;
    }

    private void grow() {
        int n = events.length * 2;
        time = Arrays.copyOf(time, n);
        kind = Arrays.copyOf(kind, n);
        seq = Arrays.copyOf(seq, n);
        events = Arrays.copyOf(events, n);
    }
}
