package org.preemptlab.app.gui.site;

import java.util.List;
import java.util.TreeSet;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.app.gui.site.AccountsViewModel.Field;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.units.Units;

/**
 * The accounts page: the account tree with users, each association's Fairshare and its normalised
 * share (of its siblings, and of the cluster) as %, QOS and limits; add account / user, remove,
 * move; the selected association's settings.
 */
final class AccountsPage extends SitePage {

    private final AccountsViewModel vm;
    private final TreeTableView<AssocKey> tree = new TreeTableView<>();
    private final ChoiceBox<String> moveTo = new ChoiceBox<>();

    AccountsPage(SiteEditorViewModel editor) {
        super("site-accounts-page", 6);
        this.vm = editor.accounts();

        tree.setId("site-accounts");
        tree.setPrefHeight(220);
        tree.setShowRoot(true);
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        tree.getColumns().addAll(List.of(
                SiteForms.<AssocKey>treeColumn("Account / user", k -> k.isUser() ? k.user() : k.account()),
                SiteForms.<AssocKey>treeColumn("Kind", k -> k.isUser() ? "user" : "account"),
                SiteForms.<AssocKey>treeColumn("Fairshare", k -> Integer.toString(assoc(k).shares())),
                SiteForms.<AssocKey>treeColumn("Of siblings", k -> Units.share(vm.siblingShare(k))),
                SiteForms.<AssocKey>treeColumn("Of cluster", k -> Units.share(vm.clusterShare(k))),
                SiteForms.<AssocKey>treeColumn("DefaultQOS", k -> assoc(k).defaultQos() == null ? "" : assoc(k).defaultQos()),
                SiteForms.<AssocKey>treeColumn("QOS", k -> SiteText.names(new TreeSet<>(assoc(k).allowedQos()), "")),
                SiteForms.<AssocKey>treeColumn("GrpTRES", k -> SiteText.tres(limits(k).grpTres())),
                SiteForms.<AssocKey>treeColumn("GrpJobs", k -> SiteText.count(limits(k).grpJobs(), "")),
                SiteForms.<AssocKey>treeColumn("GrpSubmitJobs", k -> SiteText.count(limits(k).grpSubmitJobs(), "")),
                SiteForms.<AssocKey>treeColumn("MaxJobs", k -> SiteText.count(limits(k).maxJobsPerUser(), "")),
                SiteForms.<AssocKey>treeColumn("MaxSubmitJobs", k -> SiteText.count(limits(k).maxSubmitJobsPerUser(), "")),
                SiteForms.<AssocKey>treeColumn("MaxWall", k -> SiteText.duration(limits(k).maxWallSeconds(), "")),
                SiteForms.<AssocKey>treeColumn("MaxTRESPerJob", k -> SiteText.tres(limits(k).maxTresPerJob()))));
        tree.getColumns().get(0).setPrefWidth(160);
        onPick(tree.getSelectionModel().selectedItemProperty(), i -> vm.selectedProperty().set(i.getValue()));

        TextField name = new TextField();
        name.setId("account-new-name");
        name.setPromptText("name");
        name.setPrefColumnCount(10);
        moveTo.setId("account-move-to");
        HBox tools = SiteForms.tools(vm, "account-message", name,
                SiteForms.button("Add account", "account-add-account", () -> {
                    if (vm.addAccount(name.getText())) name.clear();
                }),
                SiteForms.button("Add user", "account-add-user", () -> {
                    if (vm.addUser(name.getText())) name.clear();
                }),
                SiteForms.button("Remove", "account-remove", vm::remove),
                SiteForms.label("Move under"), moveTo,
                SiteForms.button("Move", "account-move", () -> vm.move(moveTo.getValue())));

        GridPane form = SiteForms.grid();
        int row = 0;
        SiteForms.field(form, 0, row++, vm, Field.SHARES, "account", 8,
                "Fairshare: the association's claim relative to its siblings, ≥ 1");
        SiteForms.field(form, 0, row++, vm, Field.PRIORITY, "account", 8, "The association factor; empty: the parent's");
        SiteForms.field(form, 0, row++, vm, Field.DEFAULT_QOS, "account", 10, "Empty: the parent's");
        SiteForms.field(form, 0, row++, vm, Field.QOS, "account", 16, "QOS it may use; empty: the parent's (at root: any)");
        SiteForms.field(form, 0, row++, vm, Field.MAX_WALL, "account", 12, "1-00:00:00, 2 h, 90 (minutes); empty: the parent's");
        SiteForms.field(form, 0, row++, vm, Field.MAX_TRES_PER_JOB, "account", 16, "e.g. cpu=64,gres/gpu=4; empty: the parent's");
        row = 0;
        SiteForms.field(form, 3, row++, vm, Field.GRP_TRES, "account", 16, "TRES held by all running jobs below; e.g. cpu=256,mem=1T");
        SiteForms.field(form, 3, row++, vm, Field.GRP_JOBS, "account", 8, "Running jobs below; empty: no limit");
        SiteForms.field(form, 3, row++, vm, Field.GRP_SUBMIT_JOBS, "account", 8, "Pending and running jobs below; empty: no limit");
        SiteForms.field(form, 3, row++, vm, Field.MAX_JOBS, "account", 8, "Running jobs per user; empty: the parent's");
        SiteForms.field(form, 3, row++, vm, Field.MAX_SUBMIT_JOBS, "account", 8, "Pending and running jobs per user; empty: the parent's");

        rows(tools, tree, form);
        vm.selectedProperty().addListener((o, a, b) -> select());
        follow(this::refresh, editor.siteProperty());
    }

    private Association assoc(AssocKey k) {
        return vm.tree().get(k);
    }

    private LimitSet limits(AssocKey k) {
        return assoc(k).limits();
    }

    private void refresh() {
        quietly(() -> {
            AccountTree t = vm.tree();
            tree.setRoot(t == null ? null : item(t, AssocKey.ROOT));
            moveTo.getItems().setAll(vm.accountNames());
        });
        select();
    }

    private TreeItem<AssocKey> item(AccountTree t, AssocKey k) {
        TreeItem<AssocKey> i = new TreeItem<>(k);
        i.setExpanded(true);
        for (AssocKey c : t.children(k)) i.getChildren().add(item(t, c));
        return i;
    }

    private void select() {
        quietly(() -> {
            AssocKey k = vm.selectedProperty().get();
            for (int r = 0; r < tree.getExpandedItemCount(); r++) {
                TreeItem<AssocKey> i = tree.getTreeItem(r);
                if (i != null && i.getValue().equals(k)) {
                    tree.getSelectionModel().select(r);
                    return;
                }
            }
            tree.getSelectionModel().clearSelection();
        });
    }
}
