package org.preemptlab.archfixture.engine;

import org.preemptlab.archfixture.policy.FixturePolicy;

/** Breaks the rules on purpose (see ArchitectureRulesFailTest): the engine knows a policy ... */
public final class FixtureEngine {
    public int run(FixturePolicy policy) {
        return policy.decide(this);
    }
}
