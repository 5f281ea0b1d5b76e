package org.preemptlab.app.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Shows errors and notes as dialogs owned by the main window. */
final class DialogNotifier implements Notifier {

    private final Window owner;

    DialogNotifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void error(String title, String message) {
        show(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void info(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, javafx.scene.control.ButtonType.YES,
                javafx.scene.control.ButtonType.NO);
        if (owner != null && owner.isShowing()) alert.initOwner(owner);
        alert.setTitle("PreemptLab");
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
    }

    private void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        if (owner != null && owner.isShowing()) alert.initOwner(owner);
        alert.setTitle("PreemptLab");
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
