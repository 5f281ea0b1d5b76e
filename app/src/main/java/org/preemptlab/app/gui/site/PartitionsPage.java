package org.preemptlab.app.gui.site;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.preemptlab.app.gui.site.PartitionsViewModel.Field;
import org.preemptlab.partition.OverSubscribe;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.qos.PreemptMode;

/** The partitions page: the table in file order, add / remove / reorder, and the selected partition's settings. */
final class PartitionsPage extends SitePage {

    private static final String NO_MODE = "(cluster's)";

    private final PartitionsViewModel vm;
    private final TableView<Partition> table = new TableView<>();
    private final CheckBox isDefault = new CheckBox("Default (jobs that name no partition go here)");
    private final ChoiceBox<PartitionState> state = new ChoiceBox<>();
    private final ChoiceBox<OverSubscribe> overSubscribe = new ChoiceBox<>();
    private final ChoiceBox<String> preemptMode = new ChoiceBox<>();

    PartitionsPage(SiteEditorViewModel editor) {
        super("site-partitions-page", 6);
        this.vm = editor.partitions();

        SiteForms.table(table, "site-partitions", List.of(
                SiteForms.<Partition>column("PartitionName", Partition::name),
                SiteForms.<Partition>column("Nodes", p -> String.join(",", p.groups())),
                SiteForms.<Partition>column("Default", p -> p.isDefault() ? "YES" : "NO"),
                SiteForms.<Partition>column("State", p -> p.state().name()),
                SiteForms.<Partition>column("PriorityTier", p -> Integer.toString(p.priorityTier())),
                SiteForms.<Partition>column("PriorityJobFactor", p -> Integer.toString(p.priorityJobFactor())),
                SiteForms.<Partition>column("MaxTime", p -> SiteText.duration(p.maxTimeSeconds(), "UNLIMITED")),
                SiteForms.<Partition>column("DefaultTime", p -> SiteText.duration(p.defaultTimeSeconds(), "NONE")),
                SiteForms.<Partition>column("MaxNodes", p -> SiteText.count(p.maxNodes(), "UNLIMITED")),
                SiteForms.<Partition>column("AllowAccounts", p -> SiteText.names(p.allowAccounts(), "ALL")),
                SiteForms.<Partition>column("DenyAccounts", p -> SiteText.names(p.denyAccounts(), "")),
                SiteForms.<Partition>column("AllowQos", p -> SiteText.names(p.allowQos(), "ALL")),
                SiteForms.<Partition>column("OverSubscribe", p -> p.overSubscribeText()),
                SiteForms.<Partition>column("PreemptMode", p -> p.preemptMode() == null ? NO_MODE : p.preemptMode().name())));
        onPick(table.getSelectionModel().selectedIndexProperty(), i -> {
            if (i.intValue() >= 0) vm.selectedProperty().set(i.intValue());
        });

        HBox tools = SiteForms.tools(vm, "partition-message", SiteForms.button("Add", "partition-add", vm::add),
                SiteForms.button("Remove", "partition-remove", vm::remove),
                SiteForms.button("Up", "partition-up", () -> vm.move(-1)),
                SiteForms.button("Down", "partition-down", () -> vm.move(1)));

        GridPane form = SiteForms.grid();
        int row = 0;
        SiteForms.field(form, 0, row++, vm, Field.NAME, "partition", 12, "PartitionName");
        SiteForms.field(form, 0, row++, vm, Field.NODES, "partition", 18,
                "The node groups (pools) of the partition, separated by commas");
        SiteForms.field(form, 0, row++, vm, Field.PRIORITY_TIER, "partition", 6,
                "Jobs in partitions of a higher tier are considered first");
        SiteForms.field(form, 0, row++, vm, Field.PRIORITY_JOB_FACTOR, "partition", 6, "The partition factor of multifactor priority");
        SiteForms.field(form, 0, row++, vm, Field.MAX_TIME, "partition", 12,
                "Longest time limit a job may have: 1-00:00:00, 2 h, 90 (minutes) or UNLIMITED");
        SiteForms.field(form, 0, row++, vm, Field.DEFAULT_TIME, "partition", 12,
                "Time limit of jobs that give none: 1-00:00:00, 2 h, 90 (minutes) or NONE (MaxTime)");
        SiteForms.field(form, 0, row++, vm, Field.MAX_NODES, "partition", 8, "Most nodes one job may use, or UNLIMITED");
        SiteForms.field(form, 0, row++, vm, Field.ALLOW_ACCOUNTS, "partition", 18, "Accounts that may use it, or ALL");
        SiteForms.field(form, 0, row++, vm, Field.DENY_ACCOUNTS, "partition", 18, "Accounts that may not use it");
        SiteForms.field(form, 0, row++, vm, Field.ALLOW_QOS, "partition", 18, "QOS that may use it, or ALL");

        isDefault.setId("partition-default");
        onPick(isDefault.selectedProperty(), vm::setDefault);
        state.setId("partition-state");
        state.getItems().setAll(PartitionState.values());
        onPick(state.valueProperty(), vm::setState);
        overSubscribe.setId("partition-oversubscribe");
        overSubscribe.getItems().setAll(OverSubscribe.values());
        onPick(overSubscribe.valueProperty(), vm::setOverSubscribe);
        preemptMode.setId("partition-preempt-mode");
        List<String> modes = new ArrayList<>(List.of(NO_MODE));
        for (PreemptMode m : PreemptMode.values()) if (m != PreemptMode.CLUSTER) modes.add(m.name());
        preemptMode.getItems().setAll(modes);
        onPick(preemptMode.valueProperty(), m -> vm.setPreemptMode(m.equals(NO_MODE) ? null : PreemptMode.valueOf(m)));
        GridPane choices = SiteForms.grid();
        choices.addRow(0, isDefault);
        choices.addRow(1, SiteForms.label("State"), state);
        choices.addRow(2, SiteForms.label("OverSubscribe"), overSubscribe);
        choices.addRow(3, SiteForms.label("PreemptMode"), preemptMode);
        GridPane.setColumnSpan(isDefault, 2);

        rows(tools, table, new HBox(24, form, choices));
        follow(this::refresh, editor.siteProperty(), vm.selectedProperty());
    }

    private void refresh() {
        quietly(() -> {
            table.getItems().setAll(vm.rows());
            int i = vm.selectedProperty().get();
            if (i >= 0 && i < table.getItems().size()) table.getSelectionModel().select(i);
            else table.getSelectionModel().clearSelection();
            Partition p = vm.selectedPartition();
            isDefault.setSelected(p != null && p.isDefault());
            state.setValue(p == null ? null : p.state());
            overSubscribe.setValue(p == null ? null : p.overSubscribe());
            preemptMode.setValue(p == null ? null : p.preemptMode() == null ? NO_MODE : p.preemptMode().name());
        });
    }
}
