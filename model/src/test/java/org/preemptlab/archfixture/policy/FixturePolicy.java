package org.preemptlab.archfixture.policy;

import org.preemptlab.archfixture.engine.FixtureEngine;

/** ... and the policy knows the engine: a cycle, and a policy that depends on the engine. */
public final class FixturePolicy {
    public int decide(FixtureEngine engine) {
        return engine.hashCode() == 0 ? 0 : 1;
    }
}
