package org.preemptlab.app.archfixture;

/** Breaks the view-model rule on purpose (see ArchitectureTest): a view-model holding a scene-graph node. */
public final class FixtureViewModel {
    private javafx.scene.Node node;

    public javafx.scene.Node node() {
        return node;
    }
}
