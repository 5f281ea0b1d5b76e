package org.preemptlab.archfixture.model;

/** Breaks the model/app rule on purpose (see org.preemptlab.app.ArchitectureTest): "model" code using the app. */
public final class FixtureModelUsingApp {
    public String launcher() {
        return org.preemptlab.app.Launcher.class.getName();
    }
}
