package org.preemptlab.app.gui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.StringConverter;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.time.Durations;

/**
 * The editable job table. Times accept the scenario format's forms ({@code 90s}, {@code 1h30m},
 * {@code 01:30:00}); a cell whose field has a problem is marked red with the message as tooltip;
 * a value that does not parse is refused and reported in {@code message}.
 */
final class JobTable extends TableView<JobRow> {

    private final EditorViewModel vm;
    private final Label message;

    JobTable(EditorViewModel vm, Label message) {
        this.vm = vm;
        this.message = message;
        setId("job-table");
        setEditable(true);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new Label("No jobs: add one, or generate a job mix."));
        getColumns().add(textColumn("Name", "name", 90, JobDraft::name, s -> s, JobDraft::withName, s -> s));
        getColumns().add(textColumn("Submit", "submit", 80, JobDraft::submit, Durations::format, JobDraft::withSubmit, JobTable::duration));
        getColumns().add(textColumn("QOS", "qos", 70, JobDraft::qos, s -> s, JobDraft::withQos, s -> s));
        getColumns().add(textColumn("Group", "group", 60, JobDraft::group, s -> s, JobDraft::withGroup, s -> s));
        getColumns().add(textColumn("Nodes", "nodes", 55, JobDraft::nodes, String::valueOf, JobDraft::withNodes, Integer::parseInt));
        getColumns().add(textColumn("Cores/node", "coresPerNode", 75, JobDraft::coresPerNode, String::valueOf, JobDraft::withCoresPerNode, Integer::parseInt));
        getColumns().add(textColumn("Estimate", "estimate", 75, JobDraft::estimate, Durations::format, JobDraft::withEstimate, JobTable::duration));
        getColumns().add(textColumn("Run time", "runtime", 75, JobDraft::runtime, Durations::format, JobDraft::withRuntime, JobTable::duration));
        getColumns().add(textColumn("Memory MB", "memoryPerNodeMb", 80, JobDraft::memoryPerNodeMb, String::valueOf, JobDraft::withMemoryPerNodeMb, Long::parseLong));
        getColumns().add(flagColumn("Rerun", JobDraft::rerunnable, JobDraft::withRerunnable));
        getColumns().add(flagColumn("Ckpt", JobDraft::checkpointable, JobDraft::withCheckpointable));
    }

    private static long duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NumberFormatException(Durations.FORMS);
        }
    }

    void refresh(List<JobDraft> jobs) {
        List<JobRow> rows = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) rows.add(new JobRow(i, jobs.get(i)));
        List<Integer> selected = new ArrayList<>(getSelectionModel().getSelectedIndices());
        getItems().setAll(rows);
        for (int i : selected) if (i < rows.size()) getSelectionModel().select(i);
    }

    List<Integer> selectedIndices() {
        return getSelectionModel().getSelectedItems().stream().map(JobRow::index).toList();
    }

    private <T> TableColumn<JobRow, T> textColumn(String title, String field, double width, Function<JobDraft, T> getter,
            Function<T, String> format, BiFunction<JobDraft, T, JobDraft> setter, Function<String, T> parse) {
        TableColumn<JobRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(getter.apply(cd.getValue().job())));
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : format.apply(v);
            }

            @Override
            public T fromString(String s) {
                try {
                    return parse.apply(s.trim());
                } catch (RuntimeException e) {
                    return null;
                }
            }
        };
        c.setCellFactory(col -> new ValidatedCell<>(converter, field));
        c.setOnEditCommit(e -> {
            JobRow row = e.getRowValue();
            if (e.getNewValue() == null) {
                message.setText("⚠ " + ScenarioValidator.jobPath(row.index(), field) + ": the value was not accepted"
                        + (field.equals("submit") || field.equals("estimate") || field.equals("runtime") ? "; " + Durations.FORMS : "; use a whole number"));
                refresh(vm.draft().jobs());
                return;
            }
            message.setText("");
            vm.setJob(row.index(), setter.apply(row.job(), e.getNewValue()));
        });
        return c;
    }

    private TableColumn<JobRow, Boolean> flagColumn(String title, Function<JobDraft, Boolean> getter,
            BiFunction<JobDraft, Boolean, JobDraft> setter) {
        TableColumn<JobRow, Boolean> c = new TableColumn<>(title);
        c.setPrefWidth(50);
        c.setCellValueFactory(cd -> {
            JobRow row = cd.getValue();
            SimpleBooleanProperty p = new SimpleBooleanProperty(getter.apply(row.job()));
            p.addListener((o, a, b) -> vm.setJob(row.index(), setter.apply(row.job(), b)));
            return p;
        });
        c.setCellFactory(CheckBoxTableCell.forTableColumn(c));
        c.setEditable(true);
        return c;
    }

    /** A text cell marked red (with the message as tooltip) when its field has a problem. */
    private final class ValidatedCell<T> extends TextFieldTableCell<JobRow, T> {
        private final String field;

        ValidatedCell(StringConverter<T> converter, String field) {
            super(converter);
            this.field = field;
        }

        @Override
        public void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            JobRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            String problem = row == null ? null : vm.issueFor(ScenarioValidator.jobPath(row.index(), field))
                    // a job that fits no pool is a problem of the whole job; its size shows it
                    .or(() -> field.equals("nodes") ? vm.issueFor("jobs[" + row.index() + "]") : java.util.Optional.empty())
                    .orElse(null);
            setStyle(problem == null ? "" : "-fx-background-color: #fde2e1; -fx-text-fill: #9f1c14;");
            setTooltip(problem == null ? null : new Tooltip(problem));
        }
    }
}
