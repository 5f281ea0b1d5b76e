package org.preemptlab.app.gui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.StringConverter;
import org.preemptlab.scenario.MaintenanceDraft;
import org.preemptlab.time.Durations;
import org.preemptlab.sim.MaintenanceStrategy;

/** Maintenance windows: which pool, when, how long, and how running work is handled. */
final class MaintenanceTable extends TableView<MaintenanceTable.Row> {

    record Row(int index, MaintenanceDraft window) {}

    private final EditorViewModel vm;
    private final Label message;

    MaintenanceTable(EditorViewModel vm, Label message) {
        this.vm = vm;
        this.message = message;
        setEditable(true);
        setPrefHeight(120);
        setPlaceholder(new Label("No maintenance windows."));
        TableColumn<Row, String> target = new TableColumn<>("Pool");
        target.setPrefWidth(90);
        target.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue().window().pool().isEmpty()
                ? cd.getValue().window().target() : cd.getValue().window().pool()));
        target.setCellFactory(c -> new ComboBoxTableCell<>(FXCollections.observableArrayList(poolChoices())) {
            @Override
            public void startEdit() {
                getItems().setAll(poolChoices());
                super.startEdit();
            }
        });
        target.setOnEditCommit(e -> vm.setMaintenance(e.getRowValue().index(), e.getRowValue().window().withPool(e.getNewValue())));
        TableColumn<Row, Long> start = timeColumn("Start", true);
        TableColumn<Row, Long> duration = timeColumn("Duration", false);
        TableColumn<Row, MaintenanceStrategy> strategy = new TableColumn<>("Strategy");
        strategy.setPrefWidth(150);
        strategy.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue().window().strategy()));
        strategy.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(MaintenanceStrategy s) {
                return s == null ? "" : s.label();
            }

            @Override
            public MaintenanceStrategy fromString(String s) {
                return MaintenanceStrategy.parse(s);
            }
        }, MaintenanceStrategy.values()));
        strategy.setOnEditCommit(e -> vm.setMaintenance(e.getRowValue().index(), e.getRowValue().window().withStrategy(e.getNewValue())));
        getColumns().add(target);
        getColumns().add(start);
        getColumns().add(duration);
        getColumns().add(strategy);
    }

    private List<String> poolChoices() {
        List<String> names = new ArrayList<>(vm.draft().pools().stream().map(p -> p.name()).toList());
        names.add(MaintenanceDraft.ALL_NODES);
        return names;
    }

    private TableColumn<Row, Long> timeColumn(String title, boolean isStart) {
        TableColumn<Row, Long> c = new TableColumn<>(title);
        c.setPrefWidth(80);
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(isStart ? cd.getValue().window().start() : cd.getValue().window().duration()));
        c.setCellFactory(TextFieldTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(Long v) {
                return v == null ? "" : Durations.format(v);
            }

            @Override
            public Long fromString(String s) {
                try {
                    return Durations.parse(s.trim());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }));
        c.setOnEditCommit(e -> {
            if (e.getNewValue() == null) {
                message.setText("⚠ maintenance[" + e.getRowValue().index() + "]." + (isStart ? "start" : "duration")
                        + ": not a time; " + Durations.FORMS);
                refresh(vm.draft().maintenance());
                return;
            }
            message.setText("");
            MaintenanceDraft w = e.getRowValue().window();
            vm.setMaintenance(e.getRowValue().index(), isStart ? w.withStart(e.getNewValue()) : w.withDuration(e.getNewValue()));
        });
        return c;
    }

    void refresh(List<MaintenanceDraft> windows) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) rows.add(new Row(i, windows.get(i)));
        getItems().setAll(rows);
    }

    int selectedIndex() {
        Row r = getSelectionModel().getSelectedItem();
        return r == null ? -1 : r.index();
    }
}
