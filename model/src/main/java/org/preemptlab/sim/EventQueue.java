package org.preemptlab.sim;

import java.util.PriorityQueue;

/** Future events ordered by time, then kind, then insertion: a deterministic total order. */
final class EventQueue {

    private record Entry(SimEvent event, long seq) {}

    private final PriorityQueue<Entry> heap = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.event.time(), b.event.time());
        if (c != 0) return c;
        c = Integer.compare(a.event.kind().ordinal(), b.event.kind().ordinal());
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    private long nextSeq;

    void add(SimEvent event) {
        heap.add(new Entry(event, nextSeq++));
    }

    boolean isEmpty() {
        return heap.isEmpty();
    }

    long peekTime() {
        return heap.peek().event.time();
    }

    int peekKindOrdinal() {
        return heap.peek().event.kind().ordinal();
    }

    SimEvent poll() {
        return heap.poll().event;
    }

    int size() {
        return heap.size();
    }
}
