package org.preemptlab.sim;

import java.util.Arrays;

/**
 * Future events ordered by time, then kind, then insertion: a deterministic total order. A binary
 * heap over parallel primitive arrays: the time, and the kind and insertion number packed into one
 * {@code long} (kind in the top byte, insertion number below: comparing the packed values compares
 * kind, then insertion), so comparing two entries reads two arrays and calls nothing, a move copies
 * three, and adding an event allocates nothing but the event.
 */
final class EventQueue {

    /** The insertion number's bits in a packed key; the kind's ordinal is above them. */
    private static final int SEQ_BITS = 56;

    private long[] time = new long[64];
    /** kind ordinal &lt;&lt; {@link #SEQ_BITS} | insertion number: both non-negative, so the packed values order as (kind, seq). */
    private long[] key = new long[64];
    private SimEvent[] events = new SimEvent[64];
    private int size;
    private long nextSeq;

    void add(SimEvent event) {
        if (size == events.length) grow();
        int i = size++;
        long t = event.time();
        long k = ((long) event.kind().ordinal() << SEQ_BITS) | nextSeq++;
        while (i > 0) { // sift up
            int parent = (i - 1) >>> 1;
            long pt = time[parent];
            if (t > pt || (t == pt && k > key[parent])) break;
            time[i] = pt;
            key[i] = key[parent];
            events[i] = events[parent];
            i = parent;
        }
        time[i] = t;
        key[i] = k;
        events[i] = event;
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
        return (int) (key[0] >>> SEQ_BITS);
    }

    SimEvent poll() {
        if (size == 0) return null;
        SimEvent first = events[0];
        int last = --size;
        long t = time[last];
        long k = key[last];
        SimEvent e = events[last];
        events[last] = null;
        if (last > 0) {
            int i = 0;
            int half = last >>> 1;
            while (i < half) { // sift down
                int child = 2 * i + 1;
                int right = child + 1;
                long ct = time[child];
                long ck = key[child];
                if (right < last) {
                    long rt = time[right];
                    long rk = key[right];
                    if (rt < ct || (rt == ct && rk < ck)) {
                        child = right;
                        ct = rt;
                        ck = rk;
                    }
                }
                if (t < ct || (t == ct && k < ck)) break;
                time[i] = ct;
                key[i] = ck;
                events[i] = events[child];
                i = child;
            }
            time[i] = t;
            key[i] = k;
            events[i] = e;
        }
        return first;
    }

    int size() {
        return size;
    }

    private void grow() {
        int n = events.length * 2;
        time = Arrays.copyOf(time, n);
        key = Arrays.copyOf(key, n);
        events = Arrays.copyOf(events, n);
    }
}
