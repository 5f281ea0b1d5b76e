package org.preemptlab.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A trace's job is named by its number, made only when asked for: it behaves like one named so. */
class JobSpecTest {

    private static JobSpec named(int id, String name) {
        return new JobSpec(id, name, 5, 4, 1, 0, 100, 60, JobSpec.DEFAULT_QOS, "", List.of(), true, true, 0, 0, null);
    }

    @Test
    void traceJobIsNamedByItsNumberAndEqualsOneNamedSo() {
        JobSpec lazy = JobSpec.ofTrace(4711, 5, 4, 100, 60, null);
        JobSpec explicit = named(4711, "4711");
        assertEquals("4711", lazy.name());
        assertEquals(explicit, lazy);
        assertEquals(lazy, explicit);
        assertEquals(explicit.hashCode(), lazy.hashCode());
        assertEquals(explicit.toString(), lazy.toString());
        assertNotEquals(named(4711, "other"), lazy);
        assertEquals(lazy, JobSpec.ofProcessors(4711, 5, 4, 100, 60));
    }

    @Test
    void copiesKeepTheNumberAsNameUnlessRenamed() {
        JobSpec lazy = JobSpec.ofTrace(12, 5, 4, 100, 60, new long[] {1, 2});
        assertEquals("12", lazy.toBuilder().build().name());
        assertEquals("12", lazy.withEstimate(200).name());
        assertEquals(200, lazy.withEstimate(200).estimate());
        assertEquals("renamed", lazy.withName("renamed").name());
        assertEquals("12", lazy.toBuilder().id(13).build().name(), "a new number keeps the old name, as for any name");
    }

    @Test
    void anInvalidTraceJobIsNamedByItsNumberInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobSpec.ofTrace(99, 5, 0, 100, 60, null));
        assertTrue(e.getMessage().startsWith("job 99: nodes is 0"), e.getMessage());
    }
}
