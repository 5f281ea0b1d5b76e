package org.preemptlab.app.gui.editor;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.preemptlab.app.gui.scenario.JobMix;
import org.preemptlab.app.gui.scenario.RuntimeDistribution;
import org.preemptlab.app.gui.scenario.SizeDistribution;
import org.preemptlab.scenario.ScenarioProblem;
import org.preemptlab.time.Durations;

/** The job-mix generator's form; each field shows its own problem beside it. */
final class JobMixPane extends GridPane {

    private final EditorViewModel vm;
    private final FieldRows fields = new FieldRows(this, "mix", this::read);
    private final ChoiceBox<SizeDistribution> sizes = new ChoiceBox<>();
    private final ChoiceBox<RuntimeDistribution> runtimes = new ChoiceBox<>();
    private final ChoiceBox<org.preemptlab.app.gui.scenario.ArrivalPattern> arrivalPattern = new ChoiceBox<>();
    private final ChoiceBox<org.preemptlab.app.gui.scenario.EstimateModel> estimateModel = new ChoiceBox<>();
    private final List<javafx.scene.Node> siteNodes = new java.util.ArrayList<>();
    private final Button replace = new Button("Replace jobs");
    private final Button append = new Button("Append jobs");

    JobMixPane(EditorViewModel vm) {
        this.vm = vm;
        setHgap(8);
        setVgap(4);
        setPadding(new Insets(6));
        JobMix m = vm.mixProperty().get();
        sizes.getItems().setAll(SizeDistribution.values());
        sizes.setValue(m.sizes());
        runtimes.getItems().setAll(RuntimeDistribution.values());
        runtimes.setValue(m.runtimes());
        arrivalPattern.getItems().setAll(org.preemptlab.app.gui.scenario.ArrivalPattern.values());
        arrivalPattern.setValue(m.arrivals());
        arrivalPattern.setId("mix-arrivals");
        estimateModel.getItems().setAll(org.preemptlab.app.gui.scenario.EstimateModel.values());
        estimateModel.setValue(m.estimates());
        estimateModel.setId("mix-estimates");
        sizes.setId("mix-sizes");
        runtimes.setId("mix-runtimes");
        int row = 0;
        row = field(row, "count", "Jobs", Integer.toString(m.count()));
        row = field(row, "arrivalsPerHour", "Arrivals per hour", Double.toString(m.arrivalsPerHour()));
        addRow(row++, new Label("Arrivals"), arrivalPattern);
        addRow(row++, new Label("Size distribution"), sizes);
        row = field(row, "maxNodes", "Largest job (nodes)", Integer.toString(m.maxNodes()));
        row = field(row, "coresPerNode", "Cores per node", Integer.toString(m.coresPerNode()));
        addRow(row++, new Label("Run-time distribution"), runtimes);
        row = field(row, "minRuntime", "Shortest run time", Durations.format(m.minRuntime()));
        row = field(row, "maxRuntime", "Longest run time", Durations.format(m.maxRuntime()));
        addRow(row++, new Label("Estimates"), estimateModel);
        row = field(row, "estimateFactor", "Estimate inaccuracy (×)", Double.toString(m.estimateFactor()));
        row = field(row, "memoryPerNodeMb", "Memory per node (MB)", Long.toString(m.memoryPerNodeMb()));
        row = field(row, "checkpointableShare", "Checkpointable share", Double.toString(m.checkpointableShare()));
        row = field(row, "imageMbPerNode", "Checkpoint image (MB/node)", Long.toString(m.imageMbPerNode()));
        row = field(row, "classes", "Classes (QOS[@group] share)", JobMixText.format(m.classes()));
        fields.field("classes").setPrefColumnCount(22);
        row = field(row, "seed", "Seed", Long.toString(m.seed()));
        // version-2 (Slurm site) drafts: GPU and memory requests drawn per job (workload.ResourceMix)
        row = siteField(row, "gpuMix", "GPU mix", "0.2:1/node:a100,0.05:4/job", vm.gpuMixProperty());
        row = siteField(row, "memoryMix", "Memory mix", "0.6:2G/cpu,0.1:100G/node", vm.memoryMixProperty());
        showSiteFields();
        vm.draftProperty().addListener((o, a, b) -> {
            if ((a == null || a.site() == null) != (b == null || b.site() == null)) showSiteFields();
        });
        replace.setId("generate-replace");
        replace.setOnAction(e -> vm.generateJobs(true));
        append.setOnAction(e -> vm.generateJobs(false));
        add(new HBox(8, replace, append), 1, row);
        sizes.valueProperty().addListener((o, a, b) -> read());
        runtimes.valueProperty().addListener((o, a, b) -> read());
        arrivalPattern.valueProperty().addListener((o, a, b) -> read());
        estimateModel.valueProperty().addListener((o, a, b) -> read());
    }

    /** A field of a version-2 draft, bound to the view-model's text; hidden (and unmanaged) for version-1 drafts. */
    private int siteField(int row, String key, String label, String prompt,
            javafx.beans.property.ReadOnlyStringProperty text) {
        TextField f = fields.add(row, key, label, text.get(), 9);
        f.setPromptText(prompt);
        f.setPrefColumnCount(22);
        siteNodes.addAll(getChildren().subList(getChildren().size() - 3, getChildren().size()));
        return row + 1;
    }

    private void showSiteFields() {
        boolean site = vm.draft().site() != null;
        for (javafx.scene.Node n : siteNodes) {
            n.setVisible(site);
            n.setManaged(site);
        }
        read();
    }

    private int field(int row, String key, String label, String value) {
        fields.add(row, key, label, value, 9);
        return row + 1;
    }

    /** Parses every field; shows parse problems, else hands the mix to the view-model and shows its problems. */
    private void read() {
        fields.clear();
        boolean ok = true;
        int count = 0, maxNodes = 0, cores = 0;
        double rate = 0, factor = 0, share = 0;
        long minRun = 0, maxRun = 0, memory = 0, image = 0, seed = 0;
        List<org.preemptlab.app.gui.scenario.JobClass> classes = List.of();
        try { count = Integer.parseInt(text("count")); } catch (NumberFormatException e) { ok = bad("count", "a whole number"); }
        try { rate = Double.parseDouble(text("arrivalsPerHour")); } catch (NumberFormatException e) { ok = bad("arrivalsPerHour", "a number"); }
        try { maxNodes = Integer.parseInt(text("maxNodes")); } catch (NumberFormatException e) { ok = bad("maxNodes", "a whole number"); }
        try { cores = Integer.parseInt(text("coresPerNode")); } catch (NumberFormatException e) { ok = bad("coresPerNode", "a whole number"); }
        try { minRun = Durations.parse(text("minRuntime")); } catch (IllegalArgumentException e) { ok = bad("minRuntime", "a duration (" + Durations.FORMS + ")"); }
        try { maxRun = Durations.parse(text("maxRuntime")); } catch (IllegalArgumentException e) { ok = bad("maxRuntime", "a duration (" + Durations.FORMS + ")"); }
        try { factor = Double.parseDouble(text("estimateFactor")); } catch (NumberFormatException e) { ok = bad("estimateFactor", "a number"); }
        try { memory = Long.parseLong(text("memoryPerNodeMb")); } catch (NumberFormatException e) { ok = bad("memoryPerNodeMb", "a whole number"); }
        try { share = Double.parseDouble(text("checkpointableShare")); } catch (NumberFormatException e) { ok = bad("checkpointableShare", "a number"); }
        try { image = Long.parseLong(text("imageMbPerNode")); } catch (NumberFormatException e) { ok = bad("imageMbPerNode", "a whole number"); }
        try { seed = Long.parseLong(text("seed")); } catch (NumberFormatException e) { ok = bad("seed", "a whole number"); }
        try {
            classes = JobMixText.parse(text("classes"));
        } catch (IllegalArgumentException e) {
            fields.problemOf("classes").setText("⚠ " + e.getMessage());
            ok = false;
        }
        vm.gpuMixProperty().set(text("gpuMix"));
        vm.memoryMixProperty().set(text("memoryMix"));
        if (ok) {
            vm.mixProperty().set(new JobMix(count, rate, sizes.getValue(), maxNodes, cores, runtimes.getValue(), minRun,
                    maxRun, factor, memory, share, image, classes, seed, arrivalPattern.getValue(), estimateModel.getValue()));
            for (ScenarioProblem i : vm.mixIssues()) fields.problem(i.path(), i.message());
            ok = vm.mixIssues().isEmpty();
        }
        replace.setDisable(!ok);
        append.setDisable(!ok);
    }

    private String text(String key) {
        return fields.field(key).getText().trim();
    }

    private boolean bad(String key, String what) {
        fields.problem(key, "\"" + text(key) + "\" is not " + what);
        return false;
    }
}
