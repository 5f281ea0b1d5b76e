package org.preemptlab.sweep;

import org.preemptlab.sched.SchedulerKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.growth.NodeChange;
import org.preemptlab.mechanism.PreemptMechanism;

/**
 * The variants of a sweep, in id order: the cartesian product of inputs and axes, nested in this
 * order (the last varies fastest): input, policy, mechanism, bandwidth, alpha, maintenanceStart, load, nodes, p —
 * each axis in the order its values appear in the file. An axis that is absent contributes one
 * value (the input's own setting). The p axis multiplies only aggressive-checkpoint variants:
 * other schedulers have no p, and repeating them would run the same simulation again.
 * Ids are 0, 1, 2, … in that order, so the same file always gives the same ids.
 */
public final class Grid {

    private Grid() {}

    public static List<Variant> of(SweepSpec spec) {
        SweepAxes a = spec.axes();
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < spec.inputs().size(); i++) {
            SweepInput in = spec.inputs().get(i);
            List<String> policies = a.policies().isEmpty() ? List.of(in.scenario().scheduler().name()) : a.policies();
            for (String policy : policies) {
                for (PreemptMechanism m : orNull(a.mechanisms())) {
                    for (Double bw : orNull(a.bandwidthsMBps())) {
                        for (EstimateAccuracy acc : orNull(a.accuracies())) {
                            for (Long start : orNull(a.maintenanceStarts())) {
                                for (Double load : orNull(a.loads())) {
                                    for (NodeChange nodes : orNull(a.nodes())) {
                                        List<Double> ps = policy.equals(SchedulerKind.AGGRESSIVE_CHECKPOINT.id())
                                                ? orNull(a.ps()) : Collections.singletonList(null);
                                        for (Double p : ps) {
                                            out.add(new Variant(out.size(), i, in.name(), policy, m, bw, acc, start, p,
                                                    load, nodes));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static <T> List<T> orNull(List<T> values) {
        return values.isEmpty() ? Collections.singletonList(null) : values;
    }
}
