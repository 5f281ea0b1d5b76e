package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.sched.Reason;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;

class LiveTimelineTest {

    private static LogEntry e(long t, LogKind kind, int job, int... nodes) {
        return new LogEntry(t, kind, job, nodes, Reason.of("test"));
    }

    private record Bar(int job, SegmentKind kind, long start, long end) {}

    private static List<Bar> bars(List<Segment> segments) {
        List<Bar> out = new ArrayList<>();
        for (Segment s : segments) out.add(new Bar(s.job(), s.kind(), s.start(), s.end()));
        return out;
    }

    @Test
    void aStartedJobRunsUpToNowOnItsNodesAndAQueuedOneWaits() {
        List<LogEntry> log = List.of(e(0, LogKind.SUBMIT, 0), e(0, LogKind.SUBMIT, 1), e(10, LogKind.START, 0, 3));
        List<Segment> closed = List.of(new Segment(0, SegmentKind.WAITING, 0, 10, new int[0]));

        List<Segment> out = LiveTimeline.upTo(log, closed, 40);

        assertThat(bars(out)).containsExactly(
                new Bar(0, SegmentKind.WAITING, 0, 10),
                new Bar(1, SegmentKind.WAITING, 0, 40),
                new Bar(0, SegmentKind.RUNNING, 10, 40));
        assertThat(out.get(2).nodes()).containsExactly(3);
        assertThat(out.get(1).nodes()).isEmpty();
    }

    @Test
    void endedKilledAndFailedJobsHaveNothingOpen() {
        List<LogEntry> log = List.of(e(0, LogKind.START, 0, 0), e(0, LogKind.START, 1, 1), e(0, LogKind.START, 2, 2),
                e(20, LogKind.END, 0, 0), e(25, LogKind.PREEMPT, 1, 1), e(25, LogKind.KILL, 1, 1), e(30, LogKind.FAIL, 2, 2));

        assertThat(LiveTimeline.open(log, 50)).isEmpty();
    }

    @Test
    void theLastTransitionDecidesWhatIsOpen() {
        List<LogEntry> log = List.of(
                e(0, LogKind.START, 0, 0), e(10, LogKind.PREEMPT, 0, 0), e(10, LogKind.SUSPEND, 0, 0), // suspended
                e(0, LogKind.START, 1, 1), e(12, LogKind.PREEMPT, 1, 1), e(12, LogKind.CHECKPOINT_BEGIN, 1, 1), // checkpointing
                e(0, LogKind.START, 2, 2), e(14, LogKind.PREEMPT, 2, 2), // inside its grace time
                e(0, LogKind.START, 3, 3), e(5, LogKind.CHECKPOINT_BEGIN, 3, 3), e(8, LogKind.CHECKPOINT_END, 3, 3), // periodic: works again
                e(0, LogKind.START, 4, 4), e(6, LogKind.PREEMPT, 4, 4), e(6, LogKind.CHECKPOINT_BEGIN, 4, 4),
                e(9, LogKind.CHECKPOINT_END, 4, 4), e(9, LogKind.REQUEUE, 4, 4), // back in the queue
                e(16, LogKind.RESUME, 0, 0), // job 0 runs again
                e(-1, LogKind.NODE_DOWN, -1, 5)); // not a job

        assertThat(bars(LiveTimeline.open(log, 20))).containsExactlyInAnyOrder(
                new Bar(0, SegmentKind.RUNNING, 16, 20),
                new Bar(1, SegmentKind.CHECKPOINTING, 12, 20),
                new Bar(2, SegmentKind.STOPPING, 14, 20),
                new Bar(3, SegmentKind.RUNNING, 8, 20),
                new Bar(4, SegmentKind.WAITING, 9, 20));
    }

    @Test
    void nothingIsDrawnBeforeItsStartAndClosedSegmentsAreKept() {
        List<LogEntry> log = List.of(e(100, LogKind.RESTART, 0, 1));
        Segment closed = new Segment(0, SegmentKind.RUNNING, 0, 50, new int[] {0});

        assertThat(LiveTimeline.upTo(log, List.of(closed), 100)).containsExactly(closed);
        assertThat(bars(LiveTimeline.upTo(log, List.of(closed), 130))).containsExactly(
                new Bar(0, SegmentKind.RUNNING, 0, 50), new Bar(0, SegmentKind.RUNNING, 100, 130));
    }

    @Test
    void aSnapshotBecomesARecordThatEndsAtNow() {
        RunRecord finished = SyntheticRuns.preemptionRun();
        List<LogEntry> prefix = finished.log().stream().filter(x -> x.time() <= 100).toList();
        List<Segment> closed = finished.segments().stream().filter(s -> s.end() <= 100).toList();
        LiveSnapshot snap = new LiveSnapshot("t", "fcfs", finished.cluster(), finished.jobs(), prefix, closed, 100, 3);

        RunRecord rec = snap.toRecord(130);

        assertThat(rec.endTime()).isEqualTo(130);
        assertThat(rec.metrics()).isNull();
        assertThat(rec.segments()).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(130));
        assertThat(bars(rec.segments())).contains(new Bar(0, SegmentKind.SUSPENDED, 100, 130),
                new Bar(1, SegmentKind.RUNNING, 100, 130), new Bar(2, SegmentKind.RUNNING, 0, 130));
        new GanttIndex(rec); // the Gantt can be built from it
        assertThat(snap.toRecord(50).endTime()).as("never before the engine's time").isEqualTo(100);
    }
}
