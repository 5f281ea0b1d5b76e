package org.preemptlab.app.gui.planner;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the planner views of a run in a window of their own. */
public final class PlannerWindow {

    private PlannerWindow() {}

    public static Stage show(Window owner, PlannerViewModel vm) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle("Planner views — " + vm.title());
        Scene scene = new Scene(new PlannerView(vm), 1100, 760);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
