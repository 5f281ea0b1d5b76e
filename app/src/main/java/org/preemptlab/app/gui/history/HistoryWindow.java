package org.preemptlab.app.gui.history;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens File ▸ Import Slurm history in a window of its own (one per main window; shown again if open). */
public final class HistoryWindow {

    private HistoryWindow() {}

    public static Stage show(Window owner, HistoryImportViewModel vm, Stage existing) {
        if (existing != null) {
            existing.show();
            existing.toFront();
            return existing;
        }
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle("Slurm history — predicted vs actual");
        Scene scene = new Scene(new HistoryView(vm), 1150, 820);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
