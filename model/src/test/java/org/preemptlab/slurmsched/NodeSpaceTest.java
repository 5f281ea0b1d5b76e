package org.preemptlab.slurmsched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * Slurm 22.05's map of planned nodes ({@code node_space}, {@code _add_reservation}, {@code _test_resv_overlap} and the loop
 * before {@code _try_sched} in backfill.c), hand-worked. Nodes 0–4 stand for c1–c5, 5–7 for g1–g3.
 */
class NodeSpaceTest {

    private static BitSet nodes(int... n) {
        BitSet b = new BitSet();
        for (int i : n) b.set(i);
        return b;
    }

    private static BitSet all() {
        return nodes(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void theMapStartsAndEndsOnTheResolutionGrid() {
        NodeSpace s = new NodeSpace(95, 3600, 10, all());
        assertEquals("[90, 3690) {0, 1, 2, 3, 4, 5, 6, 7}", s.toString());
    }

    @Test
    void aPlanTakesItsWholeNodesOutOverItsRoundedWindow() {
        NodeSpace s = new NodeSpace(95, 3600, 10, all());
        s.reserve(210, 390, nodes(4)); // c5 from 215 for 180 s: [210, 390)
        s.reserve(210, 330, nodes(0, 1)); // c1, c2 from 215 for 120 s: [210, 330)
        assertEquals("[90, 210) {0, 1, 2, 3, 4, 5, 6, 7}, [210, 330) {2, 3, 5, 6, 7}, [330, 390) {0, 1, 2, 3, 5, 6, 7}, "
                + "[390, 3690) {0, 1, 2, 3, 4, 5, 6, 7}", s.toString());
        // a job of the cpu partition (c1-c5) tested from 95 for 120 s (to 215): the record from 210 is within it
        NodeSpace.Avail a = s.availFor(nodes(0, 1, 2, 3, 4), 95, 215);
        assertEquals(nodes(2, 3), a.nodes());
        // the record [210, 330) is followed by one that gives back c1, c2: later_start 330
        assertEquals(330, a.laterStart());
        // tested from 330: [330, 390) lacks c5 only, and the next record gives it back
        NodeSpace.Avail b = s.availFor(nodes(0, 1, 2, 3, 4), 330, 450);
        assertEquals(nodes(0, 1, 2, 3), b.nodes());
        assertEquals(390, b.laterStart());
        // a job ending by 200 (≤ 210: begin_time <= end_time keeps out the record starting at 210 only from 210 on)
        assertEquals(nodes(0, 1, 2, 3, 4), s.availFor(nodes(0, 1, 2, 3, 4), 95, 205).nodes());
        assertEquals(nodes(2, 3), s.availFor(nodes(0, 1, 2, 3, 4), 95, 210).nodes()); // inclusive, as Slurm's test
        // a job of the gpu partition sees no plan, and no record gives it more nodes
        NodeSpace.Avail g = s.availFor(nodes(5, 6, 7), 95, 500);
        assertEquals(nodes(5, 6, 7), g.nodes());
        assertEquals(NodeSpace.NONE, g.laterStart());
    }

    @Test
    void aPlanBesideAnEarlierPlanOnItsNodesOverlaps() {
        NodeSpace s = new NodeSpace(95, 3600, 10, all());
        s.reserve(210, 390, nodes(4));
        assertTrue(s.overlaps(nodes(4), 380, 500)); // [380, 390) lacks c5
        assertFalse(s.overlaps(nodes(4), 390, 500)); // from 390 it is free again
        assertFalse(s.overlaps(nodes(4), 90, 210)); // before the plan
        assertFalse(s.overlaps(nodes(3, 5), 200, 400)); // other nodes
    }

    @Test
    void aPlanIsAtLeastOneResolutionLongAndNotBeforeTheMap() {
        NodeSpace s = new NodeSpace(95, 3600, 10, all());
        s.reserve(50, 50, nodes(7)); // from before the map, ending at once: [90, 100)
        assertEquals("[90, 90) {0, 1, 2, 3, 4, 5, 6, 7}, [90, 100) {0, 1, 2, 3, 4, 5, 6}, [100, 3690) {0, 1, 2, 3, 4, 5, 6, 7}",
                s.toString());
    }

    @Test
    void aRecordEqualToTheOneBeforeIsDroppedOnce() {
        NodeSpace s = new NodeSpace(0, 3600, 10, all());
        s.reserve(100, 200, nodes(4));
        s.reserve(200, 300, nodes(4)); // the same nodes right after: [200, 300) now equals [100, 200) and is merged
        assertEquals("[0, 100) {0, 1, 2, 3, 4, 5, 6, 7}, [100, 300) {0, 1, 2, 3, 5, 6, 7}, [300, 3600) {0, 1, 2, 3, 4, 5, 6, 7}",
                s.toString());
        // so a job of c5 alone tested from 150 learns of no record end before 300
        NodeSpace.Avail a = s.availFor(nodes(4), 150, 160);
        assertTrue(a.nodes().isEmpty());
        assertEquals(300, a.laterStart());
    }
}
