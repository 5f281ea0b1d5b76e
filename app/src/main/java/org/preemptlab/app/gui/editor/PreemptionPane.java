package org.preemptlab.app.gui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.preemptlab.app.gui.editor.PreemptionViewModel.Field;
import org.preemptlab.app.gui.editor.PreemptionViewModel.QosRow;
import org.preemptlab.preempt.VictimOrder;
import org.preemptlab.slurmsched.BackfillPlans;

/**
 * The editor's preemption section: who is taken first, exemption and grace times, requeue
 * position, QOS tiers and escalation chains, checkpoint costs, the aggressive-checkpoint
 * scheduler's parameters and the slurm scheduler's backfill plans. Text is read on Enter or when a field loses focus; a problem is shown
 * beside its field. Every change goes through the {@link PreemptionViewModel}.
 */
final class PreemptionPane extends VBox {

    private final PreemptionViewModel vm;
    private final ChoiceBox<VictimOrder> victimOrder = new ChoiceBox<>();
    private final RadioButton atHead = new RadioButton("head of queue");
    private final RadioButton byPriority = new RadioButton("priority order");
    private final RadioButton fixed = new RadioButton("fixed times");
    private final RadioButton image = new RadioButton("image size ÷ bandwidth");
    private final CheckBox killInstead = new CheckBox("Kill variant (preempted jobs are killed, not checkpointed)");
    private final ChoiceBox<BackfillPlans> backfillPlans = new ChoiceBox<>();
    private final GridPane qosGrid = new GridPane();
    private final List<String> shownQos = new ArrayList<>();
    private final List<TextField[]> qosFields = new ArrayList<>();
    private boolean updating;

    PreemptionPane(PreemptionViewModel vm) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(6));
        setId("preemption-pane");
        for (RadioButton b : List.of(atHead, byPriority, fixed, image)) b.setMinWidth(Region.USE_PREF_SIZE);

        victimOrder.setId("victim-order");
        victimOrder.getItems().setAll(VictimOrder.values());
        victimOrder.setConverter(new StringConverter<>() {
            @Override
            public String toString(VictimOrder o) {
                return o == null ? "" : o.label();
            }

            @Override
            public VictimOrder fromString(String s) {
                return VictimOrder.parse(s);
            }
        });
        victimOrder.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) vm.setVictimOrder(b);
        });
        ToggleGroup requeue = new ToggleGroup();
        atHead.setToggleGroup(requeue);
        byPriority.setToggleGroup(requeue);
        atHead.selectedProperty().addListener((o, a, b) -> {
            if (!updating) vm.setRequeueAtHead(b);
        });

        GridPane policy = grid();
        int row = 0;
        policy.addRow(row++, label("Victim order"), victimOrder);
        row = field(policy, row, Field.EXEMPT, "PreemptExemptTime", "A job that has run less than this may not be preempted");
        row = field(policy, row, Field.GRACE, "GraceTime", "Between the stop signal of a kill/requeue and the forced stop");
        policy.addRow(row++, label("Requeue"), new HBox(10, atHead, byPriority));
        row = field(policy, row, Field.DEFAULT_CHAIN, "Default chain",
                "Escalation for QOS classes without their own chain, e.g. suspend, checkpoint, requeue, kill");

        qosGrid.setHgap(8);
        qosGrid.setVgap(4);
        TextField newQos = new TextField();
        newQos.setId("new-qos");
        newQos.setPromptText("QOS name");
        newQos.setPrefColumnCount(10);
        Button add = new Button("+ QOS");
        add.setOnAction(e -> {
            if (vm.addQos(newQos.getText())) newQos.clear();
        });
        newQos.setOnAction(add.getOnAction());
        HBox addRow = new HBox(8, newQos, add, problem(Field.QOS));
        addRow.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup model = new ToggleGroup();
        fixed.setToggleGroup(model);
        image.setToggleGroup(model);
        image.selectedProperty().addListener((o, a, b) -> {
            if (!updating) vm.setImageModel(b);
        });
        GridPane checkpoint = grid();
        row = 0;
        checkpoint.addRow(row++, label("Cost model"), new HBox(10, fixed, image));
        row = field(checkpoint, row, Field.CHECKPOINT_SECONDS, "Checkpoint time (T_chk)", "Every checkpoint takes this long");
        row = field(checkpoint, row, Field.RESTART_SECONDS, "Restart time (T_restart)", "Every restart takes this long");
        row = field(checkpoint, row, Field.STORAGE, "Storage bandwidth (MB/s)",
                "Aggregate checkpoint bandwidth on a processor machine (pools carry their own)");
        for (Node n : checkpoint.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            if (r != null && (r == 1 || r == 2)) n.disableProperty().bind(vm.imageModelProperty());
        }

        killInstead.selectedProperty().addListener((o, a, b) -> {
            if (!updating) vm.setKillInstead(b);
        });
        GridPane aggressive = grid();
        row = 0;
        row = field(aggressive, row, Field.P, "p", "Predicted run time = estimate × p for long jobs, 0 < p ≤ 1");
        row = field(aggressive, row, Field.THRESHOLD, "t_thr", "Jobs with a shorter estimate are predicted at their estimate");
        row = field(aggressive, row, Field.EXTEND, "T_extend", "Added to the predicted run time of checkpointed jobs (T_chk + T_restart)");
        aggressive.add(killInstead, 1, row);
        aggressive.disableProperty().bind(vm.aggressiveProperty().not());

        backfillPlans.setId("backfill-plans");
        backfillPlans.getItems().setAll(BackfillPlans.values());
        backfillPlans.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackfillPlans p) {
                return p == null ? "" : p == BackfillPlans.WHOLE_NODES ? "whole nodes (Slurm's)" : "own resources";
            }

            @Override
            public BackfillPlans fromString(String s) {
                return null;
            }
        });
        backfillPlans.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) vm.setBackfillPlans(b);
        });
        String plansTip = "Whole nodes: Slurm's backfill plans hold a waiting job's whole nodes from its planned start, as the"
                + " history replay does (on a Slurm site without advance reservations; elsewhere plans hold the job's own"
                + " resources). Own resources: a plan holds only the job's CPUs, memory and GRES.";
        backfillPlans.setTooltip(new Tooltip(plansTip));
        Label plansLabel = label("Backfill plans");
        plansLabel.setTooltip(new Tooltip(plansTip));
        GridPane slurmGrid = grid();
        slurmGrid.addRow(0, plansLabel, backfillPlans);
        slurmGrid.disableProperty().bind(vm.slurmProperty().not());

        getChildren().addAll(policy, title("QOS tiers and chains (blank chain: the default)"), qosGrid, addRow,
                title("Checkpoints"), checkpoint, title("Aggressive-checkpoint scheduler"), aggressive,
                title("Slurm scheduler"), slurmGrid);
        vm.draftProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        return g;
    }

    /** A label that never shrinks to an ellipsis. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private Label problem(Field f) {
        Label l = new Label();
        l.getStyleClass().add("issue-label");
        l.textProperty().bind(vm.errorProperty(f));
        l.setWrapText(true);
        l.setMaxWidth(360);
        return l;
    }

    /** A labelled text field bound to {@code f}, read on Enter and on focus loss, its problem beside it. */
    private int field(GridPane grid, int row, Field f, String label, String tip) {
        TextField t = new TextField();
        t.setId("preemption-" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        t.setPrefColumnCount(f == Field.DEFAULT_CHAIN ? 22 : 8);
        t.textProperty().bindBidirectional(vm.textProperty(f));
        t.setOnAction(e -> vm.commit(f));
        t.focusedProperty().addListener((o, a, b) -> {
            if (!b) vm.commit(f);
        });
        t.setTooltip(new Tooltip(tip));
        vm.errorProperty(f).addListener((o, a, b) -> {
            t.getStyleClass().remove("invalid");
            if (!b.isEmpty()) t.getStyleClass().add("invalid");
        });
        t.setMaxWidth(Region.USE_PREF_SIZE);
        Label l = label(label);
        l.setTooltip(new Tooltip(tip));
        grid.addRow(row, l, t, problem(f));
        return row + 1;
    }

    private void refresh() {
        updating = true;
        try {
            victimOrder.setValue(vm.rules().victimOrder());
            atHead.setSelected(vm.settings().requeueAtHead());
            byPriority.setSelected(!vm.settings().requeueAtHead());
            image.setSelected(vm.settings().cost().imageModel());
            fixed.setSelected(!vm.settings().cost().imageModel());
            killInstead.setSelected(vm.scheduler().killInstead());
            backfillPlans.setValue(vm.scheduler().backfillPlans());
            refreshQos(vm.qosRows());
        } finally {
            updating = false;
        }
    }

    private void refreshQos(List<QosRow> rows) {
        List<String> names = rows.stream().map(QosRow::qos).toList();
        if (!names.equals(shownQos)) {
            shownQos.clear();
            shownQos.addAll(names);
            qosFields.clear();
            qosGrid.getChildren().clear();
            qosGrid.addRow(0, new Label("QOS"), new Label("Tier"), new Label("Chain"));
            for (int i = 0; i < rows.size(); i++) {
                String q = rows.get(i).qos();
                TextField tier = new TextField();
                tier.setPrefColumnCount(4);
                tier.setOnAction(e -> vm.setTier(q, tier.getText()));
                tier.focusedProperty().addListener((o, a, b) -> {
                    if (!b && !updating) vm.setTier(q, tier.getText());
                });
                TextField chain = new TextField();
                chain.setPrefColumnCount(20);
                chain.setPromptText("default");
                chain.setOnAction(e -> vm.setChain(q, chain.getText()));
                chain.focusedProperty().addListener((o, a, b) -> {
                    if (!b && !updating) vm.setChain(q, chain.getText());
                });
                Button remove = new Button("✕");
                remove.setTooltip(new Tooltip("Remove QOS " + q + " from the tiers and chains"));
                remove.setOnAction(e -> vm.removeQos(q));
                qosGrid.addRow(i + 1, new Label(q), tier, chain, remove);
                qosFields.add(new TextField[] {tier, chain});
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            QosRow r = rows.get(i);
            TextField[] f = qosFields.get(i);
            if (!f[0].isFocused()) f[0].setText(r.tier() == null ? "" : Integer.toString(r.tier()));
            if (!f[1].isFocused()) f[1].setText(r.chainText());
        }
    }
}
