package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.alloc.ProcessorCapacity;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;

/**
 * The inputs on which {@link CountProfile#earliestFit} looped without advancing: a profile built by
 * {@link AvailabilityProfile#ofReleases} from the processors free now (fewer than the job needs: the
 * rest run jobs or are down for a failure) and searched with no window in the way. The guard is a
 * separate thread only so that a regression fails instead of hanging the build.
 */
class CountProfileTest {

    private static JobSpec job(int procs) {
        return JobSpec.ofProcessors(1, 0, procs, 10, 10);
    }

    @Test
    void aJobWiderThanTheProcessorsFreeNowFitsWhenTheRunningJobsEnd() {
        // 16 processors: 4 free, 12 held by a job ending at 100
        AvailabilityProfile profile = AvailabilityProfile.ofReleases(0, ProcessorCapacity.counting(16, 4),
                new long[] {100}, new Placement[] {Placement.ofCount(12)});
        AvailabilityProfile.Slot slot = assertTimeoutPreemptively(Duration.ofSeconds(600),
                () -> profile.earliestFit(job(8), 0, 50, List.of()));
        assertThat(slot).isNotNull();
        assertThat(slot.start()).isEqualTo(100);
        assertThat(slot.placement().procs()).isEqualTo(8);
    }

    @Test
    void aJobWiderThanTheProcessorsUpGetsNoSlot() {
        // 16 processors, 6 down for a failure (not in the profile: Slurm plans with the nodes that are up),
        // 2 free, 8 held by a job ending at 100: 10 is the most the profile ever has
        AvailabilityProfile profile = AvailabilityProfile.ofReleases(0, ProcessorCapacity.counting(16, 2),
                new long[] {100}, new Placement[] {Placement.ofCount(8)});
        AvailabilityProfile.Slot slot = assertTimeoutPreemptively(Duration.ofSeconds(600),
                () -> profile.earliestFit(job(12), 0, 50, List.of()));
        assertThat(slot).isNull();
        assertThat(profile.earliestFit(job(10), 0, 50, List.of()).start()).isEqualTo(100);
    }

    @Test
    void aBareProfileNarrowerThanTheJobAnswersNoSlot() {
        CountProfile profile = new CountProfile(0, 3);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(600),
                () -> profile.earliestFit(job(4), 0, 50, List.of()))).isNull();
    }

    @Test
    void aWindowIsWeighedAgainstTheProcessorsUpNotTheOnesFreeNow() {
        // 16 processors up, 4 free now, 12 back at 100; a window holds processors 0 and 1 until 10,000:
        // 14 are left to the job of 8, which starts at 100 (not after the window, as when the 4 free now
        // were taken for the machine)
        AvailabilityProfile profile = AvailabilityProfile.ofReleases(0, ProcessorCapacity.counting(16, 4),
                new long[] {100}, new Placement[] {Placement.ofCount(12)});
        List<Reservation> windows = List.of(new Reservation("maint", 0, 10_000, new int[] {0, 1}, 0));
        AvailabilityProfile.Slot slot = assertTimeoutPreemptively(Duration.ofSeconds(600),
                () -> profile.earliestFit(job(8), 0, 50, windows));
        assertThat(slot.start()).isEqualTo(100);
        // 15 cannot run beside the window: after it
        assertThat(profile.earliestFit(job(15), 0, 50, windows).start()).isEqualTo(10_000);
    }
}
