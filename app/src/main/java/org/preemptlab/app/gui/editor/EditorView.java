package org.preemptlab.app.gui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioProblem;

/**
 * The scenario editor: the cluster as pool blocks with a property sheet for the selected pool,
 * maintenance windows, the scheduler and preemption switches, the job table and the job-mix
 * generator, and the list of problems. Every change goes through the {@link EditorViewModel}.
 */
public final class EditorView extends BorderPane {

    private static final Pattern POOL = Pattern.compile("^cluster\\.pools\\[(\\d+)]");
    private static final Pattern JOB = Pattern.compile("^jobs\\[(\\d+)]");

    private final EditorViewModel vm;
    private final FlowPane poolPane = new FlowPane(10, 10);
    private final List<PoolBlock> blocks = new ArrayList<>();
    private final PoolSheet sheet;
    private final Label jobsTitle = new Label();
    private final Label tableMessage = new Label();
    private final Label siteSummary = new Label();
    /** The site's pages (partitions, accounts, QOS, priority), editing {@link EditorViewModel#siteProperty()}. */
    private final org.preemptlab.app.gui.site.SiteEditorPane siteEditor;
    private final JobTable jobs;
    private final MaintenanceTable maintenance;
    private final ListView<ScenarioProblem> issues = new ListView<>();
    private final TextField name = new TextField();
    private final ChoiceBox<SchedulerKind> scheduler = new ChoiceBox<>();
    private final CheckBox ownerPreemption = new CheckBox("Owner preemption");
    private final CheckBox qosPreemption = new CheckBox("QOS preemption");
    private final Label summary = new Label();
    private final Label machine = new Label();
    private boolean updating;

    public EditorView(EditorViewModel vm, Runnable run, Runnable compare) {
        this.vm = vm;
        getStyleClass().add("editor-view");
        this.sheet = new PoolSheet(vm);
        this.siteEditor = new org.preemptlab.app.gui.site.SiteEditorPane(vm.siteProperty());
        tableMessage.getStyleClass().add("issue-label");
        this.jobs = new JobTable(vm, tableMessage);
        Label maintenanceMessage = new Label();
        maintenanceMessage.getStyleClass().add("issue-label");
        this.maintenance = new MaintenanceTable(vm, maintenanceMessage);
        setTop(toolbar(run, compare));
        SplitPane split = new SplitPane(clusterPane(maintenanceMessage), jobsPane());
        split.setDividerPositions(0.46);
        setCenter(split);
        setBottom(issuesPane());
        vm.draftProperty().addListener((o, a, b) -> refresh());
        vm.selectedPoolProperty().addListener((o, a, b) -> refresh());
        vm.issues().addListener((javafx.collections.ListChangeListener<ScenarioProblem>) c -> {
            if (!updating) refreshProblems();
        });
        refresh();
    }

    private ToolBar toolbar(Runnable run, Runnable compare) {
        name.setId("scenario-name");
        name.setPrefColumnCount(22);
        name.setOnAction(e -> commitName());
        name.focusedProperty().addListener((o, a, b) -> {
            if (!b) commitName();
        });
        scheduler.setId("scheduler");
        scheduler.getItems().setAll(SchedulerKind.values());
        scheduler.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) vm.setPolicy(b);
        });
        ownerPreemption.setTooltip(new Tooltip("A pool's owner group may preempt jobs borrowing the pool"));
        ownerPreemption.selectedProperty().addListener((o, a, b) -> {
            if (!updating) vm.setOwnerPreemption(b);
        });
        qosPreemption.setTooltip(new Tooltip("A job may preempt jobs of a lower QOS tier"));
        qosPreemption.selectedProperty().addListener((o, a, b) -> {
            if (!updating) vm.setQosPreemption(b);
        });
        Button undo = new Button("Undo");
        undo.disableProperty().bind(vm.history().canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        undo.setTooltip(new Tooltip("Undo the last edit (Ctrl+Z)"));
        Button redo = new Button("Redo");
        redo.disableProperty().bind(vm.history().canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        Button runButton = new Button("▶ Simulate");
        runButton.setId("run-scenario");
        runButton.setDefaultButton(false);
        runButton.setOnAction(e -> run.run());
        runButton.setTooltip(new Tooltip("Simulate this scenario: compute its whole schedule, then show it in the Run view (F5)"));
        Button compareButton = new Button("Compare…");
        compareButton.setOnAction(e -> compare.run());
        summary.setId("issue-summary");
        return new ToolBar(new Label("Scenario"), name, new Label("Scheduler"), scheduler, ownerPreemption, qosPreemption,
                new Separator(Orientation.VERTICAL), undo, redo, new Separator(Orientation.VERTICAL), runButton,
                compareButton, summary);
    }

    private void commitName() {
        if (!name.getText().equals(vm.draft().name())) {
            vm.setName(name.getText());
            vm.commitField();
        }
    }

    private ScrollPane clusterPane(Label maintenanceMessage) {
        Label title = new Label("Cluster");
        title.getStyleClass().add("section-title");
        Button add = new Button("+ Pool");
        add.setId("add-pool");
        add.setOnAction(e -> vm.addPool());
        Button remove = new Button("Remove pool");
        remove.setOnAction(e -> vm.removePool(vm.selectedPoolProperty().get()));
        HBox head = new HBox(8, title, add, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        machine.getStyleClass().add("pool-subtitle");
        machine.managedProperty().bind(machine.visibleProperty());
        Label mTitle = new Label("Maintenance windows");
        mTitle.getStyleClass().add("section-title");
        Button addWindow = new Button("+ Window");
        addWindow.setOnAction(e -> vm.addMaintenance());
        Button removeWindow = new Button("Remove window");
        removeWindow.setOnAction(e -> vm.removeMaintenance(maintenance.selectedIndex()));
        HBox mHead = new HBox(8, mTitle, addWindow, removeWindow);
        mHead.setAlignment(Pos.CENTER_LEFT);
        // open, right under the pools it acts on (it was collapsed at the bottom, under the maintenance table)
        TitledPane preemption = new TitledPane("Preemption policy and mechanisms", new PreemptionPane(vm.preemption()));
        preemption.setExpanded(true);
        preemption.setId("preemption");
        VBox box = new VBox(8, head, machine, poolPane, sheet, slurmSitePane(), preemption, mHead, maintenance,
                maintenanceMessage);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /**
     * The "Slurm site" page, shown when the draft has a site (a version-2 scenario): partitions,
     * accounts, QOS and priority weights.
     *
     * <p>A one-paragraph summary above the {@link org.preemptlab.app.gui.site.SiteEditorPane site pages}, whose
     * edits set {@link EditorViewModel#siteProperty()}, which makes a new draft through the command stack
     * (undo works); undo, redo and opening a file set the property back. Partition node lists are checked
     * against the draft's node groups.
     */
    private TitledPane slurmSitePane() {
        siteSummary.setId("slurm-site-summary");
        siteSummary.setWrapText(true);
        siteEditor.setId("slurm-site-editor");
        TitledPane pane = new TitledPane("Slurm site", new javafx.scene.layout.VBox(6, siteSummary, siteEditor));
        pane.setId("slurm-site");
        pane.setExpanded(false);
        pane.visibleProperty().bind(vm.siteProperty().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    /** One line per part of the site: partitions (with their node groups), accounts, QOS, priority. */
    static String siteSummary(org.preemptlab.site.Site site) {
        if (site == null) return "";
        List<String> parts = site.partitions().stream()
                .map(p -> p.name() + (p.isDefault() ? " (default)" : "") + " → " + String.join(", ", p.groups())).toList();
        long accounts = site.accounts().keys().stream().filter(k -> !k.isRoot() && !k.isUser()).count();
        return "Partitions: " + String.join("; ", parts) + "\n"
                + "Accounts: " + accounts + ", user associations: " + site.accounts().userAssociations().size() + "\n"
                + "QOS: " + String.join(", ", site.qos().names()) + "\n"
                + "Priority: " + (site.multifactor() ? "multifactor" : "basic (submit order)") + " · select "
                + site.select().label() + " · preempt " + site.preemptType().label();
    }

    private VBox jobsPane() {
        jobsTitle.getStyleClass().add("section-title");
        Button add = new Button("+ Job");
        add.setId("add-job");
        add.setOnAction(e -> {
            vm.addJob();
            jobs.scrollTo(jobs.getItems().size() - 1);
        });
        Button remove = new Button("Remove selected");
        remove.setOnAction(e -> vm.removeJobs(jobs.selectedIndices()));
        HBox head = new HBox(8, jobsTitle, add, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        TitledPane generator = new TitledPane("Job-mix generator", new JobMixPane(vm));
        generator.setExpanded(false);
        generator.setId("generator");
        VBox box = new VBox(6, head, tableMessage, jobs, new ImportReportPane(vm), new SlurmImportReportPane(vm), generator);
        VBox.setVgrow(jobs, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox issuesPane() {
        Label title = new Label("Problems");
        title.getStyleClass().add("section-title");
        issues.setId("issues");
        issues.setPrefHeight(84);
        issues.setPlaceholder(new Label("No problems: the scenario can run."));
        issues.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ScenarioProblem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "⚠ " + item.path() + ": " + item.message());
                getStyleClass().remove("issue-label");
                if (!empty && item != null) getStyleClass().add("issue-label");
            }
        });
        issues.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) reveal(b.path());
        });
        VBox box = new VBox(2, title, issues);
        box.setPadding(new Insets(4, 8, 6, 8));
        return box;
    }

    /** Shows the pool or job a problem is about. */
    private void reveal(String field) {
        Matcher pool = POOL.matcher(field);
        if (pool.find()) {
            vm.selectedPoolProperty().set(Integer.parseInt(pool.group(1)));
            return;
        }
        Matcher job = JOB.matcher(field);
        if (job.find()) {
            int row = Integer.parseInt(job.group(1));
            jobs.getSelectionModel().clearAndSelect(row);
            jobs.scrollTo(Math.max(0, row - 2));
        }
    }

    private void refresh() {
        updating = true;
        try {
            ScenarioDraft d = vm.draft();
            if (!name.isFocused() && !name.getText().equals(d.name())) name.setText(d.name());
            scheduler.setValue(d.scheduler().kind());
            ownerPreemption.setSelected(d.rules().ownerPreemption());
            qosPreemption.setSelected(d.rules().qosPreemption());
            machine.setVisible(d.isProcessorMachine());
            machine.setText("A machine of " + org.preemptlab.units.Units.count(d.processors(), "processor") + " (SWF trace mode): jobs ask for processors.");
            if (blocks.size() != d.pools().size()) {
                blocks.clear();
                for (int i = 0; i < d.pools().size(); i++) blocks.add(new PoolBlock(vm, i));
                poolPane.getChildren().setAll(blocks);
            }
            for (int i = 0; i < blocks.size(); i++) {
                blocks.get(i).update(d.pools().get(i), vm.issues(), i == vm.selectedPoolProperty().get());
            }
            sheet.refresh();
            siteSummary.setText(siteSummary(d.site()));
            List<String> groups = d.site() == null ? List.of() : d.pools().stream().map(p -> p.name()).toList();
            if (!siteEditor.viewModel().nodeGroups().equals(groups)) siteEditor.viewModel().nodeGroups().setAll(groups);
            jobsTitle.setText("Jobs (" + d.jobs().size() + ")" + (d.trace() != null ? " — from trace " + d.trace().path().getFileName() : ""));
            jobs.refresh(d.jobs());
            maintenance.refresh(d.maintenance());
        } finally {
            updating = false;
        }
        refreshIssues();
    }

    /** The problems changed without an edit (a field's text does not parse, or was fixed): marks and lists. */
    private void refreshProblems() {
        ScenarioDraft d = vm.draft();
        if (blocks.size() == d.pools().size()) {
            for (int i = 0; i < blocks.size(); i++) {
                blocks.get(i).update(d.pools().get(i), vm.issues(), i == vm.selectedPoolProperty().get());
            }
        }
        sheet.refresh();
        refreshIssues();
    }

    private void refreshIssues() {
        issues.getItems().setAll(vm.issues());
        int n = vm.issues().size();
        summary.setText(n == 0 ? "✔ ready to run" : "⚠ " + n + (n == 1 ? " problem" : " problems"));
        summary.getStyleClass().remove("issue-label");
        if (n > 0) summary.getStyleClass().add("issue-label");
    }
}
