package org.preemptlab.app.gui.editor;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.preemptlab.app.gui.scenario.SwfImportForm;
import org.preemptlab.io.swf.SwfReadOptions;

/**
 * The SWF import form: the trace file, how many jobs, a job-number range and a submit-time
 * window; each field shows its problem beside it and {@link #validProperty()} is false until the
 * form can be read.
 */
public final class SwfImportPane extends GridPane {

    private final TextField file = new TextField();
    private final Label fileProblem = FieldRows.problemLabel();
    private final FieldRows fields = new FieldRows(this, "swf", this::read);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private SwfReadOptions options;

    /** @param browse asks for a trace file (a file chooser), or null when the user gave up */
    public SwfImportPane(Path initial, Supplier<Path> browse) {
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(10));
        file.setId("swf-file");
        file.setPrefColumnCount(34);
        if (initial != null) file.setText(initial.toString());
        file.textProperty().addListener((o, a, b) -> read());
        Button pick = new Button("Browse…");
        pick.setOnAction(e -> {
            Path p = browse.get();
            if (p != null) file.setText(p.toString());
        });
        addRow(0, new Label("Trace (.swf, .swf.gz)"), new HBox(6, file, pick), fileProblem);
        int row = 1;
        row = field(row, SwfImportForm.MAX_JOBS, "At most this many jobs", "20000", "blank or 0: all jobs");
        row = field(row, SwfImportForm.FIRST_JOB, "First job number", "", "blank: from the first");
        row = field(row, SwfImportForm.LAST_JOB, "Last job number", "", "blank: to the last");
        row = field(row, SwfImportForm.SUBMIT_FROM, "Submitted from", "", "e.g. 3600, 1h, 2d; blank: from the start");
        field(row, SwfImportForm.SUBMIT_TO, "Submitted before", "", "blank: to the end");
        read();
    }

    private int field(int row, String key, String label, String value, String prompt) {
        fields.add(row, key, label, value, 12).setPromptText(prompt);
        return row + 1;
    }

    private void read() {
        fields.clear();
        SwfImportForm.Result r = SwfImportForm.check(text(SwfImportForm.MAX_JOBS), text(SwfImportForm.FIRST_JOB),
                text(SwfImportForm.LAST_JOB), text(SwfImportForm.SUBMIT_FROM), text(SwfImportForm.SUBMIT_TO));
        r.problems().forEach(fields::problem);
        options = r.options().orElse(null);
        String fileIssue = fileIssue();
        fileProblem.setText(fileIssue == null ? "" : "⚠ " + fileIssue);
        valid.set(r.ok() && fileIssue == null);
    }

    private String fileIssue() {
        String t = file.getText().trim();
        if (t.isEmpty()) return "choose a trace";
        try {
            return Files.isRegularFile(Path.of(t)) ? null : "no such file";
        } catch (InvalidPathException e) {
            return "not a file name";
        }
    }

    private String text(String key) {
        return fields.field(key).getText();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The chosen trace, when the form is valid. */
    public Optional<Path> file() {
        return valid.get() ? Optional.of(Path.of(file.getText().trim())) : Optional.empty();
    }

    /** The reader options, when the form is valid. */
    public Optional<SwfReadOptions> options() {
        return valid.get() ? Optional.ofNullable(options) : Optional.empty();
    }
}
