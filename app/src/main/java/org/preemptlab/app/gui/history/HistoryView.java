package org.preemptlab.app.gui.history;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.preemptlab.app.gui.background.TaskMonitor;
import org.preemptlab.app.gui.history.HistoryImportForm.Field;
import org.preemptlab.replay.SiteReplay;
import org.preemptlab.slurmsched.BackfillPlans;

/**
 * File ▸ Import Slurm history: the site's files (slurm.conf and the sacct table required), Replay,
 * progress and Cancel while it runs, the error naming file and line when a file is bad, and the
 * "predicted vs actual" view of the outcome.
 */
public final class HistoryView extends BorderPane {

    private final HistoryImportViewModel vm;
    private final StackPane center = new StackPane();
    private final Label error = new Label();
    private FidelityView fidelity;

    public HistoryView(HistoryImportViewModel vm) {
        this.vm = vm;
        getStyleClass().add("history-view");
        setTop(form());
        center.getChildren().setAll(placeholder());
        setCenter(center);
        vm.resultProperty().addListener((o, a, b) -> show(b));
        if (vm.resultProperty().get() != null) show(vm.resultProperty().get());
    }

    public HistoryImportViewModel viewModel() {
        return vm;
    }

    /** The view of the last replay, or null before the first. */
    public FidelityView fidelityView() {
        return fidelity;
    }

    public Label errorLabel() {
        return error;
    }

    private void show(FidelityViewModel result) {
        fidelity = result == null ? null : new FidelityView(result);
        center.getChildren().setAll(fidelity == null ? placeholder() : fidelity);
    }

    private static Node placeholder() {
        Label l = new Label("Choose the site's slurm.conf and its sacct history, then Replay: every job's predicted start is compared "
                + "with its real one.");
        l.setWrapText(true);
        l.getStyleClass().add("placeholder");
        return l;
    }

    private VBox form() {
        GridPane site = grid();
        GridPane options = grid();
        GridPane baseline = grid();
        int[] rows = new int[HistoryImportForm.Section.values().length];
        for (Field f : Field.values()) {
            GridPane grid = switch (f.section()) {
                case SITE -> site;
                case OPTIONS -> options;
                case BASELINE -> baseline;
            };
            String id = "history-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-');
            TextField text = new TextField();
            text.setId(id);
            text.setPrefColumnCount(f.file() ? 44 : 12);
            text.textProperty().bindBidirectional(vm.field(f));
            text.setPromptText(f.required() ? "required" : f.file() ? "optional" : "default: max(2 × bf_interval, 1 min)");
            text.setTooltip(new Tooltip(f.hint()));
            Label problem = new Label();
            problem.setId(id + "-problem");
            problem.getStyleClass().add("issue-label");
            problem.textProperty().bind(Bindings.createStringBinding(() -> vm.problem(f).get().isEmpty() ? "" : "⚠ " + vm.problem(f).get(),
                    vm.problem(f)));
            vm.problem(f).addListener((o, a, b) -> mark(text, b));
            mark(text, vm.problem(f).get());
            Node action;
            if (f.file()) {
                Button browse = new Button("Browse…");
                browse.setOnAction(e -> {
                    FileChooser chooser = new FileChooser();
                    chooser.setTitle(f.label());
                    File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
                    if (file != null) vm.field(f).set(file.getPath());
                });
                action = browse;
            } else {
                action = new Label();
            }
            Label name = new Label(f.label() + (f.required() ? " *" : ""));
            name.setMinWidth(Label.USE_PREF_SIZE);
            name.setTooltip(new Tooltip(f.hint()));
            grid.addRow(rows[f.section().ordinal()]++, name, text, action, problem);
        }
        ChoiceBox<SiteReplay.Priority> priority = new ChoiceBox<>();
        priority.setId("history-priority");
        priority.getItems().setAll(SiteReplay.Priority.values());
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(SiteReplay.Priority p) {
                return p == null ? "" : label(p);
            }

            @Override
            public SiteReplay.Priority fromString(String s) {
                return null;
            }
        });
        priority.valueProperty().bindBidirectional(vm.priorityProperty());
        priority.setTooltip(new Tooltip("multifactor: the engine recomputes every job's priority each PriorityCalcPeriod from the site's "
                + "Priority* settings, as Slurm does; sacct's column: the Priority sacct recorded (at submission), fixed"));
        Label priorityName = new Label("priority");
        priorityName.setMinWidth(Label.USE_PREF_SIZE);
        options.addRow(rows[HistoryImportForm.Section.OPTIONS.ordinal()]++, priorityName, priority);
        ChoiceBox<BackfillPlans> plans = new ChoiceBox<>();
        plans.setId("history-backfill-plans");
        plans.getItems().setAll(BackfillPlans.values());
        plans.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackfillPlans p) {
                return p == null ? "" : HistoryImportViewModel.label(p);
            }

            @Override
            public BackfillPlans fromString(String s) {
                return null;
            }
        });
        plans.valueProperty().bindBidirectional(vm.backfillPlansProperty());
        plans.setTooltip(new Tooltip("As replay --backfill-plans: whole-nodes (default) or own-resources"));
        Label plansName = new Label("backfill plans");
        plansName.setMinWidth(Label.USE_PREF_SIZE);
        Label plansHint = new Label();
        plansHint.setId("history-backfill-plans-hint");
        plansHint.setWrapText(true);
        plansHint.textProperty().bind(Bindings.createStringBinding(() -> HistoryImportViewModel.describe(vm.backfillPlans()),
                vm.backfillPlansProperty()));
        options.add(plansName, 0, rows[HistoryImportForm.Section.OPTIONS.ordinal()]);
        options.add(plans, 1, rows[HistoryImportForm.Section.OPTIONS.ordinal()]);
        options.add(plansHint, 2, rows[HistoryImportForm.Section.OPTIONS.ordinal()], 2, 1);
        TitledPane optionsPane = new TitledPane("Replay options: slurmctld log, tolerance, priority, backfill plans", options);
        optionsPane.setId("history-options");
        optionsPane.setExpanded(true);
        TitledPane baselinePane = new TitledPane("What-if: compare with a baseline site (optional; the files above are then the changed "
                + "site)", baseline);
        baselinePane.setId("history-baseline");
        baselinePane.setExpanded(false);
        TaskMonitor monitor = vm.runner().monitor();
        var running = Bindings.createBooleanBinding(() -> vm.state() == HistoryImportViewModel.State.RUNNING, vm.stateProperty());
        Button replay = new Button("▶ Replay");
        replay.setId("history-replay");
        replay.setDefaultButton(true);
        replay.setTooltip(new Tooltip("Replay the history on the site with Slurm's main and backfill scheduler (as the replay command)"));
        replay.disableProperty().bind(vm.validProperty().not().or(running));
        replay.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("history-cancel");
        cancel.disableProperty().bind(running.not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("history-progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(monitor.progressProperty());
        Label task = new Label();
        task.textProperty().bind(monitor.messageProperty());
        for (Node n : new Node[] {progress, task}) {
            n.visibleProperty().bind(running);
            n.managedProperty().bind(running);
        }
        Label status = new Label();
        status.setId("history-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox actions = new HBox(8, replay, cancel, progress, task, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        error.setId("history-error");
        error.getStyleClass().add("issue-label");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        VBox top = new VBox(6, site, optionsPane, baselinePane, actions, error);
        top.setPadding(new Insets(8, 10, 8, 10));
        top.getStyleClass().add("history-form");
        return top;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        return grid;
    }

    /** The priority modes as a person reads them. */
    static String label(SiteReplay.Priority p) {
        return switch (p) {
            case MULTIFACTOR -> "multifactor (recomputed, as Slurm)";
            case SACCT -> "sacct's Priority column (fixed)";
        };
    }

    private static void mark(TextField text, String problem) {
        text.getStyleClass().remove("invalid");
        if (problem != null && !problem.isEmpty() && !text.getText().isBlank()) text.getStyleClass().add("invalid");
    }
}
