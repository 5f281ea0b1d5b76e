package org.preemptlab.app.gui.editor;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.preemptlab.app.gui.scenario.ImportReport;

/**
 * The SWF reader's anomaly report of the imported trace: totals, the machine size and its source,
 * and every rule with its count and one-line description (rules that fired first and in bold).
 * Hidden when the scenario was not imported from a trace.
 */
final class ImportReportPane extends TitledPane {

    private final Label totals = new Label();
    private final Label machine = new Label();
    private final Label fired = new Label();
    private final TableView<ImportReport.Rule> table = new TableView<>();

    ImportReportPane(EditorViewModel vm) {
        setText("SWF import report");
        setId("import-report");
        machine.setId("import-report-machine");
        totals.setWrapText(true);
        TableColumn<ImportReport.Rule, String> rule = column("Rule", 190, r -> r.name());
        TableColumn<ImportReport.Rule, String> count = column("Lines", 60, r -> Long.toString(r.count()));
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<ImportReport.Rule, String> action = column("Action", 75, r -> r.action());
        TableColumn<ImportReport.Rule, String> what = column("What it does", 330, r -> r.description());
        TableColumn<ImportReport.Rule, String> examples = column("E.g.", 220, r -> r.examples());
        table.getColumns().add(rule);
        table.getColumns().add(count);
        table.getColumns().add(action);
        table.getColumns().add(what);
        table.getColumns().add(examples);
        table.setId("import-report-rules");
        table.setPrefHeight(200);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ImportReport.Rule item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && item.count() > 0 ? "-fx-font-weight: bold;" : "");
            }
        });
        setContent(new VBox(4, totals, machine, fired, table));
        managedProperty().bind(visibleProperty());
        vm.importReportProperty().addListener((o, a, b) -> show(b));
        show(vm.importReportProperty().get());
    }

    /** A column of text (also the Slurm import report's). */
    static <R> TableColumn<R, String> column(String title, double width, java.util.function.Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(value.apply(cd.getValue())));
        return c;
    }

    private void show(ImportReport r) {
        setVisible(r != null);
        if (r == null) {
            table.getItems().clear();
            return;
        }
        totals.setText(r.source() + ": " + r.totals() + ".");
        machine.setText(r.machineLine());
        machine.getStyleClass().remove("issue-label");
        if (r.machineInferred()) machine.getStyleClass().add("issue-label");
        fired.setText(r.firedLine());
        java.util.List<ImportReport.Rule> rows = new java.util.ArrayList<>(r.fired());
        r.rules().stream().filter(x -> x.count() == 0).forEach(rows::add);
        table.getItems().setAll(rows);
        setExpanded(true);
    }
}
