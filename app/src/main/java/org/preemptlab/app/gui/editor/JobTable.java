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
    /** Whether the columns are a Slurm site's. */
    private boolean slurm;
    /** Each row's file path (see {@link ScenarioValidator#jobPaths}). */
    private List<String> paths = List.of();

    JobTable(EditorViewModel vm, Label message) {
        this.vm = vm;
        this.message = message;
        setId("job-table");
        setEditable(true);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new Label("No jobs: add one, or generate a job mix."));
        columns(false);
    }

    /** The columns of a version-1 draft, or of a version-2 (Slurm site) draft. */
    private void columns(boolean slurmSite) {
        slurm = slurmSite;
        getColumns().clear();
        if (slurmSite) {
            slurmColumns();
            return;
        }
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

    /**
     * A Slurm site's job: user, account, partitions and QOS (checked against the site), CPUs per
     * node, memory in GiB per node and GPUs with their type. Paths are the file's ({@code jobs[k].mem}).
     */
    private void slurmColumns() {
        getColumns().add(textColumn("Name", "name", 90, JobDraft::name, s -> s, JobDraft::withName, s -> s));
        getColumns().add(textColumn("Submit", "submit", 75, JobDraft::submit, Durations::format, JobDraft::withSubmit, JobTable::duration));
        getColumns().add(slurmColumn("User", "user", 60, j -> j.slurm().user(), SlurmCells::withUser, null));
        getColumns().add(slurmColumn("Account", "account", 70, JobDraft::group, SlurmCells::withAccount, null));
        getColumns().add(slurmColumn("Partition", "partition", 80, SlurmCells::partitions, SlurmCells::withPartitions, null));
        getColumns().add(textColumn("QOS", "qos", 65, JobDraft::qos, s -> s, JobDraft::withQos, s -> s));
        getColumns().add(textColumn("Nodes", "nodes", 50, JobDraft::nodes, String::valueOf, JobDraft::withNodes, Integer::parseInt));
        getColumns().add(textColumn("CPUs/node", "cpusPerNode", 70, JobDraft::coresPerNode, String::valueOf, JobDraft::withCoresPerNode, Integer::parseInt));
        getColumns().add(slurmColumn("Memory/node", "mem", 85, SlurmCells::memory, SlurmCells::withMemory, SlurmCells.MEMORY_FORMS));
        getColumns().add(slurmColumn("GPUs", "gpus", 95, SlurmCells::gpus, SlurmCells::withGpus, SlurmCells.GPU_FORMS));
        getColumns().add(textColumn("Estimate", "estimate", 70, JobDraft::estimate, Durations::format, JobDraft::withEstimate, JobTable::duration));
        getColumns().add(textColumn("Run time", "runtime", 70, JobDraft::runtime, Durations::format, JobDraft::withRuntime, JobTable::duration));
        getColumns().add(flagColumn("Rerun", JobDraft::rerunnable, JobDraft::withRerunnable));
        getColumns().add(flagColumn("Ckpt", JobDraft::checkpointable, JobDraft::withCheckpointable));
    }

    /**
     * A text column of a Slurm job's value, shown by {@code show} and set from the typed text by
     * {@code set} (which throws, naming the forms, when the text does not parse: the draft keeps its value).
     */
    private TableColumn<JobRow, String> slurmColumn(String title, String field, double width, Function<JobDraft, String> show,
            BiFunction<JobDraft, String, JobDraft> set, String forms) {
        TableColumn<JobRow, String> c = new TableColumn<>(title);
        c.setId("job-column-" + field);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(show.apply(cd.getValue().job())));
        c.setCellFactory(col -> new ValidatedCell<>(new javafx.util.converter.DefaultStringConverter(), field));
        c.setOnEditCommit(e -> commitSlurm(e.getRowValue(), field, e.getNewValue(), set));
        return c;
    }

    /** Sets a Slurm value typed in a cell; a text that does not parse is refused with the forms it takes. */
    void commitSlurm(JobRow row, String field, String text, BiFunction<JobDraft, String, JobDraft> set) {
        JobDraft next;
        try {
            next = set.apply(row.job(), text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            message.setText("⚠ " + path(row.index()) + "." + field + ": \"" + text + "\" was not accepted; " + e.getMessage());
            refresh(vm.draft().jobs());
            return;
        }
        message.setText("");
        vm.setJob(row.index(), next);
    }

    /** The file path of a row's job ({@code jobs[k]}: array tasks share their array's). */
    private String path(int row) {
        return row < paths.size() ? paths.get(row) : "jobs[" + row + "]";
    }

    private static long duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NumberFormatException(Durations.FORMS);
        }
    }

    void refresh(List<JobDraft> jobs) {
        if (vm.draft().isSlurm() != slurm) columns(vm.draft().isSlurm());
        paths = ScenarioValidator.jobPaths(vm.draft());
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
        c.setId("job-column-" + field);
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
                message.setText("⚠ " + path(row.index()) + "." + field + ": the value was not accepted"
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
            String problem = row == null ? null : vm.issueFor(path(row.index()) + "." + field)
                    // a job that fits no pool is a problem of the whole job; its size shows it
                    .or(() -> field.equals("nodes") ? vm.issueFor(path(row.index())) : java.util.Optional.empty())
                    .orElse(null);
            setStyle(problem == null ? "" : "-fx-background-color: #fde2e1; -fx-text-fill: #9f1c14;");
            setTooltip(problem == null ? null : new Tooltip(problem));
        }
    }
}
