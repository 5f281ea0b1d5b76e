package org.preemptlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.InitialRun;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;

/**
 * The copies of the wide records ({@code toBuilder()…build()}) keep every component: for each
 * record component, the builder's setter of that name changes exactly that component. A component
 * added to the record but not to its builder fails here (no setter, or a value lost in the copy).
 */
class RecordCopiesTest {

    static final JobSpec JOB = new JobSpec(1, "a", 10, 2, 4, 100, 600, 300, "normal", "g", List.of("p"), true, true,
            50, 0, new long[] {1, 2});

    @Test
    void jobSpecCopiesKeepEveryComponent() throws Exception {
        JobSpec other = new JobSpec(2, "b", 20, 3, 5, 200, 700, 400, "owner", "h", List.of("q"), false, false, 60, 30,
                new long[] {3}, org.preemptlab.job.SlurmRequest.of("ana", "chem"));
        assertEachSetterChangesOnlyItsComponent(JOB, other, JOB.toBuilder(), jobSpecComponents());
    }

    /**
     * JobSpec is a class (its rarer values share one object per trace, issue 16): its components are its instance fields
     * but the shared part, and that part's record components; each has a public accessor of its name.
     */
    static List<Method> jobSpecComponents() throws Exception {
        List<Method> accessors = new ArrayList<>();
        Class<?> extra = null;
        for (java.lang.reflect.Field f : JobSpec.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
            if (f.getType().isRecord() && f.getType().getEnclosingClass() == JobSpec.class) {
                extra = f.getType();
                continue;
            }
            accessors.add(JobSpec.class.getMethod(f.getName()));
        }
        assertThat(extra).as("JobSpec's shared part").isNotNull();
        for (RecordComponent c : extra.getRecordComponents()) accessors.add(JobSpec.class.getMethod(c.getName()));
        assertThat(accessors).hasSize(17);
        return accessors;
    }

    @Test
    void metricsCopiesKeepEveryComponent() throws Exception {
        Metrics a = new Metrics(1, 2, 3, 4, 5, 6, 7, 0.5, 8, 9, 0.1, Map.of("kill", 1), Map.of("kill", 1), 10, 11, 12,
                13, 0.2, 14, Map.of(), 15);
        Metrics b = new Metrics(21, 22, 23, 24, 25, 26, 27, 0.7, 28, 29, 0.3, Map.of("suspend", 2), Map.of("suspend", 3),
                30, 31, 32, 33, 0.4, 34, Map.of("x", new Metrics.ClassMetrics(1, 2, 3, 4, 0.5)), 35);
        assertEachSetterChangesOnlyItsComponent(a, b, a.toBuilder());
    }

    @Test
    void scenarioCopiesKeepEveryComponent() throws Exception {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", 2, 8, 0, "", List.of(), 1000)));
        Scenario a = new Scenario("a", "d", 1, cluster, List.of(JOB.withName("a")), SchedulerSpec.of(SchedulerKind.EASY),
                PreemptionRules.NONE, PreemptionSettings.defaults(), List.of(), FailureModel.NONE, null, null, null,
                List.of());
        Scenario b = new Scenario("b", "e", 2, new ProcessorMachine(64), List.of(JOB.withName("b")),
                SchedulerSpec.aggressiveCheckpoint(0.5, 60, 60, true), new PreemptionRules(true, true, Map.of(), null, 0,
                        Map.of(), null),
                PreemptionSettings.defaults().withGrace(30),
                List.of(new MaintenanceWindow("m", 0, 60, new int[] {0}, MaintenanceStrategy.DRAIN, 0)),
                new FailureModel(3600, 60, 1, org.preemptlab.preempt.CheckpointPeriod.parse("none")), 86_400L,
                TraceReference.of(java.nio.file.Path.of("x.swf")), null,
                List.of(new InitialRun(1, new int[] {0}, 10)), org.preemptlab.gang.GangSettings.NONE.withTimeSlice(60),
                List.of(new org.preemptlab.reservation.ReservationSpec("r", new int[] {0}, 0, "", List.of(), List.of(),
                        0, 60, null, null, 300, null)));
        assertEachSetterChangesOnlyItsComponent(a, b, a.toBuilder());
    }

    @Test
    void scenarioDraftWithersChangeTheirComponentAlone() throws Exception {
        ScenarioDraft a = ScenarioDraft.empty();
        ScenarioDraft b = new ScenarioDraft("b", "e", 64, List.of(PoolDraft.of("q", 2, 4)), List.of(new JobDraft("j", 0, "normal", "g", 1, 1, 60, 30, 0, true, true, 0)),
                SchedulerSpec.aggressiveCheckpoint(0.5, 60, 60, true), new PreemptionRules(true, true, Map.of(), null, 0, Map.of(), null),
                PreemptionSettings.defaults().withGrace(30), List.of(), null, 7, null, null, List.of(),
                org.preemptlab.gang.GangSettings.NONE.withTimeSlice(60), List.of(), null);
        assertThat(withersChangeTheirComponentAlone(a, b, "jobs", "trace")).as("the withers the samples tell apart")
                .containsExactlyInAnyOrder("withName", "withDescription", "withProcessors", "withPools", "withJobs", "withScheduler",
                        "withRules", "withSettings", "withSeed", "withGang");
    }

    @Test
    void jobAndPoolDraftWithersChangeTheirComponentAlone() throws Exception {
        JobDraft a = new JobDraft("j", 0, "normal", "g", 1, 1, 60, 30, 0, true, true, 0);
        JobDraft b = new JobDraft("k", 5, "high", "h", 2, 3, 120, 90, 100, false, false, 7, List.of("p"), 600,
                org.preemptlab.job.SlurmRequest.of("ana", "chem"));
        assertThat(withersChangeTheirComponentAlone(a, b, null, null)).hasSize(JobDraft.class.getRecordComponents().length);
        PoolDraft c = PoolDraft.of("p", 2, 4);
        PoolDraft d = new PoolDraft("q", 3, 8, 1000, "o", List.of("*"), 50, 2, List.of(new org.preemptlab.gres.Gres("gpu", "", 2)),
                List.of("fast"), List.of("q1", "q2", "q3"));
        assertThat(withersChangeTheirComponentAlone(c, d, null, null)).hasSize(PoolDraft.class.getRecordComponents().length);
    }

    /**
     * For each component c with a {@code withC(type)}: {@code from.withC(other.c())} differs from {@code from} in c alone
     * (and, when c is {@code clearing}, in {@code cleared}, which becomes null). The withers whose component the samples
     * tell apart.
     */
    static <R extends Record> List<String> withersChangeTheirComponentAlone(R from, R other, String clearing, String cleared)
            throws Exception {
        List<String> checked = new ArrayList<>();
        RecordComponent[] components = from.getClass().getRecordComponents();
        for (RecordComponent c : components) {
            String name = "with" + Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
            Method wither;
            try {
                wither = from.getClass().getMethod(name, c.getType());
            } catch (NoSuchMethodException e) {
                continue;
            }
            Object changed = c.getAccessor().invoke(other);
            Object copy = wither.invoke(from, changed);
            for (RecordComponent d : components) {
                Object want = d.getName().equals(c.getName()) ? changed
                        : c.getName().equals(clearing) && d.getName().equals(cleared) ? null : d.getAccessor().invoke(from);
                assertThat(d.getAccessor().invoke(copy)).as("%s.%s(…): component %s", from.getClass().getSimpleName(), name, d.getName())
                        .isEqualTo(want);
            }
            if (!Objects.equals(c.getAccessor().invoke(from), changed)) checked.add(name);
        }
        return checked;
    }

    /** For each component c: from.toBuilder().c(other.c()).build() differs from {@code from} in c alone. */
    static <R extends Record> void assertEachSetterChangesOnlyItsComponent(R from, R other, Object anyBuilder)
            throws Exception {
        List<Method> accessors = new ArrayList<>();
        for (RecordComponent c : from.getClass().getRecordComponents()) accessors.add(c.getAccessor());
        assertEachSetterChangesOnlyItsComponent(from, other, anyBuilder, accessors);
    }

    /** The same for the components read by {@code components} (accessors named after them). */
    static void assertEachSetterChangesOnlyItsComponent(Object from, Object other, Object anyBuilder, List<Method> components)
            throws Exception {
        Method toBuilder = from.getClass().getMethod("toBuilder");
        List<String> checked = new ArrayList<>();
        for (Method c : components) {
            Object changed = c.invoke(other);
            Object builder = toBuilder.invoke(from);
            Method setter = builder.getClass().getMethod(c.getName(), c.getReturnType());
            setter.invoke(builder, changed);
            Object copy = builder.getClass().getMethod("build").invoke(builder);
            for (Method d : components) {
                Object got = d.invoke(copy);
                Object want = d.invoke(d.getName().equals(c.getName()) ? other : from);
                if (d.getName().equals("traceReport") && want == null && got == null) continue;
                assertThat(same(got, want)).as("%s.toBuilder().%s(…): component %s", from.getClass().getSimpleName(),
                        c.getName(), d.getName()).isTrue();
            }
            if (!same(c.invoke(from), changed)) checked.add(c.getName());
        }
        // the two samples differ in every component (else the test could not see a lost one)
        assertThat(checked).as("components the samples tell apart").hasSize(components.size()
                - (from instanceof Scenario ? 1 : 0)); // traceReport: null in both (not built by hand)
        assertThat(anyBuilder.getClass().getSimpleName()).isEqualTo("Builder");
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof long[] x && b instanceof long[] y) return Arrays.equals(x, y);
        if (a instanceof List<?> x && b instanceof List<?> y && !x.isEmpty() && x.get(0) instanceof MaintenanceWindow) {
            return x.size() == y.size() && x.toString().equals(y.toString());
        }
        if (a instanceof List<?> x && b instanceof List<?> y && !x.isEmpty() && x.get(0) instanceof InitialRun) {
            return x.size() == y.size() && ((InitialRun) x.get(0)).jobId() == ((InitialRun) y.get(0)).jobId();
        }
        return Objects.equals(a, b);
    }
}
