package org.preemptlab.app.gui.editor;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.preemptlab.app.gui.scenario.SlurmImportForm;

/**
 * The "Import from Slurm" form: the cluster's slurm.conf (default {@code $SLURM_CONF}), and
 * either the live cluster's nodes and jobs "from now" or the slurm.conf's pools only. The
 * problem with the file shows beside it; {@link #validProperty()} is false until the form can be used.
 */
public final class SlurmImportPane extends GridPane {

    private final TextField conf = new TextField();
    private final Label confProblem = new Label();
    private final RadioButton live = new RadioButton("Live cluster, from now (scontrol show, sacctmgr dump: a Slurm site)");
    private final RadioButton confOnly = new RadioButton("From slurm.conf only (pools and one placeholder job; no cluster needed)");
    private final CheckBox runningAsQueued = new CheckBox("Model running jobs as queued at t=0 (not pinned to their nodes)");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private SlurmImportForm.Request request;

    /** @param browse asks for a slurm.conf (a file chooser), or null when the user gave up */
    public SlurmImportPane(String initialConf, Supplier<Path> browse) {
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(10));
        conf.setId("slurm-import-conf");
        conf.setPrefColumnCount(34);
        conf.setPromptText("blank: Slurm's default (live import only)");
        conf.setText(initialConf == null ? "" : initialConf);
        confProblem.getStyleClass().add("issue-label");
        confProblem.setId("slurm-import-conf-problem");
        Button pick = new Button("Browse…");
        pick.setOnAction(e -> {
            Path p = browse.get();
            if (p != null) conf.setText(p.toString());
        });
        ToggleGroup source = new ToggleGroup();
        live.setToggleGroup(source);
        confOnly.setToggleGroup(source);
        live.setId("slurm-import-live");
        confOnly.setId("slurm-import-conf-only");
        runningAsQueued.setId("slurm-import-running-as-queued");
        live.setSelected(true);
        runningAsQueued.disableProperty().bind(confOnly.selectedProperty());
        addRow(0, new Label("slurm.conf"), new HBox(6, conf, pick), confProblem);
        add(live, 0, 1, 3, 1);
        add(runningAsQueued, 0, 2, 3, 1);
        add(confOnly, 0, 3, 3, 1);
        conf.textProperty().addListener((o, a, b) -> read());
        source.selectedToggleProperty().addListener((o, a, b) -> read());
        runningAsQueued.selectedProperty().addListener((o, a, b) -> read());
        read();
    }

    private void read() {
        SlurmImportForm.Result r = SlurmImportForm.check(conf.getText(), confOnly.isSelected(), runningAsQueued.isSelected());
        confProblem.setText(r.problem() == null ? "" : "⚠ " + r.problem());
        conf.getStyleClass().remove("invalid");
        if (!r.ok()) conf.getStyleClass().add("invalid");
        request = r.request().orElse(null);
        valid.set(r.ok());
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** What to import, when the form is valid. */
    public Optional<SlurmImportForm.Request> request() {
        return Optional.ofNullable(request);
    }
}
