package org.preemptlab.app.gui.editor;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.preemptlab.app.gui.scenario.SlurmImportReport;
import org.preemptlab.slurmconf.ImportReport;

/**
 * The Slurm import's report of the imported site, as {@code import-slurm} prints it: the site read,
 * every setting the cluster runs with that the model has not (where, setting, value, why) and the
 * import's warnings. Hidden when the scenario was not imported from a Slurm site.
 */
final class SlurmImportReportPane extends TitledPane {

    private final Label summary = new Label();
    private final Label counts = new Label();
    private final TableView<ImportReport.Ignored> ignored = new TableView<>();
    private final ListView<String> warnings = new ListView<>();

    SlurmImportReportPane(EditorViewModel vm) {
        setText("Slurm import report");
        setId("slurm-import-report");
        summary.setId("slurm-import-report-summary");
        summary.setWrapText(true);
        counts.setId("slurm-import-report-counts");
        ignored.setId("slurm-import-report-ignored");
        ignored.getColumns().add(ImportReportPane.column("Where", 140, ImportReport.Ignored::where));
        ignored.getColumns().add(ImportReportPane.column("Setting", 260, ImportReport.Ignored::setting));
        ignored.getColumns().add(ImportReportPane.column("Value", 200, i -> i.value() == null ? "" : i.value()));
        ignored.getColumns().add(ImportReportPane.column("Why ignored", 220, ImportReport.Ignored::why));
        ignored.setPrefHeight(180);
        ignored.setPlaceholder(new Label("Every setting read is modelled."));
        warnings.setId("slurm-import-report-warnings");
        warnings.setPrefHeight(110);
        warnings.setPlaceholder(new Label("No warnings."));
        Label ignoredHead = new Label("Settings read but not modelled (the simulation runs without them)");
        ignoredHead.getStyleClass().add("hint");
        Label warningsHead = new Label("Warnings: what the import simplified or could not map");
        warningsHead.getStyleClass().add("hint");
        setContent(new VBox(4, summary, counts, ignoredHead, ignored, warningsHead, warnings));
        managedProperty().bind(visibleProperty());
        vm.slurmImportReportProperty().addListener((o, a, b) -> show(b));
        show(vm.slurmImportReportProperty().get());
    }

    private void show(SlurmImportReport r) {
        setVisible(r != null);
        if (r == null) {
            ignored.getItems().clear();
            warnings.getItems().clear();
            return;
        }
        summary.setText("Imported from " + r.source() + ":\n" + String.join("\n", r.summary()));
        counts.setText(r.countsLine() + ".");
        ignored.getItems().setAll(r.ignored());
        warnings.getItems().setAll(r.warnings());
        setExpanded(true);
    }
}
