package org.preemptlab.app.gui.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * A form's text fields by key, one row each in its grid: label, field (id {@code prefix-key}) and the
 * field's problem beside it (id {@code prefix-key-problem}); every edit of a field re-reads the form.
 */
final class FieldRows {

    private final GridPane grid;
    private final String idPrefix;
    private final Runnable read;
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Map<String, Label> problems = new LinkedHashMap<>();

    /** @param read what reads the form again (after each edit) */
    FieldRows(GridPane grid, String idPrefix, Runnable read) {
        this.grid = grid;
        this.idPrefix = idPrefix;
        this.read = read;
    }

    /** Adds the row of field {@code key} at {@code row}, showing {@code value}. */
    TextField add(int row, String key, String label, String value, int columns) {
        TextField f = new TextField(value);
        f.setId(idPrefix + "-" + key);
        f.setPrefColumnCount(columns);
        f.textProperty().addListener((o, a, b) -> read.run());
        Label problem = problemLabel();
        problem.setId(idPrefix + "-" + key + "-problem");
        fields.put(key, f);
        problems.put(key, problem);
        grid.addRow(row, new Label(label), f, problem);
        return f;
    }

    TextField field(String key) {
        return fields.get(key);
    }

    /** The problem label beside field {@code key}. */
    Label problemOf(String key) {
        return problems.get(key);
    }

    /** No problem shown, no field marked invalid. */
    void clear() {
        problems.values().forEach(l -> l.setText(""));
        fields.values().forEach(f -> f.getStyleClass().remove("invalid"));
    }

    /** Shows {@code message} beside field {@code key} and marks the field invalid; nothing for a key it does not have. */
    void problem(String key, String message) {
        Label l = problems.get(key);
        if (l != null) l.setText("⚠ " + message);
        TextField f = fields.get(key);
        if (f != null) f.getStyleClass().add("invalid");
    }

    /** A label for a problem (styled as one; empty until there is one). */
    static Label problemLabel() {
        Label l = new Label();
        l.getStyleClass().add("issue-label");
        return l;
    }
}
