package org.preemptlab.app.gui.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.app.gui.Fx;
import org.preemptlab.app.gui.MainWindow;
import org.preemptlab.app.gui.Screenshots;
import org.preemptlab.app.gui.UiTests;
import org.preemptlab.partition.Partition;
import org.preemptlab.priority.ClassicFairShare;
import org.preemptlab.priority.FairShareSnapshot;
import org.preemptlab.priority.FairTree;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.site.Site;
import org.preemptlab.units.Units;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The site editor on the real sample sites, driven through its fields: each page's edit sets the
 * property to the old Site with exactly that change; a bad value is refused beside its field and
 * never reaches the property; the account tree's % are the model's normalised shares.
 */
@ExtendWith(ApplicationExtension.class)
class SiteEditorPaneUiTest {

    static {
        UiTests.configureHeadlessScreen();
    }

    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private SiteEditorPane pane;
    private Site gpu;
    private Site fairshare;

    @Start
    void start(Stage stage) throws Exception {
        gpu = SiteSamples.site("gpu-shared-nodes.json");
        fairshare = SiteSamples.site("fairshare-catch-up.json");
        site.set(gpu);
        pane = new SiteEditorPane(site);
        Scene scene = new Scene(pane, 1400, 900);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Types {@code text} into the field and presses Enter. */
    private static void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup("#" + id).queryAs(TextField.class);
        Fx.run(() -> {
            f.requestFocus();
            f.setText(text);
        });
        robot.type(KeyCode.ENTER);
    }

    private static String problem(FxRobot robot, String id) {
        return robot.lookup("#" + id + "-error").queryAs(Label.class).getText();
    }

    @Test
    void partitions_page_edits_max_time_of_the_selected_partition(FxRobot robot) {
        Fx.run(() -> pane.viewModel().partitions().selectedProperty().set(1));
        assertThat(robot.lookup("#partition-name").queryAs(TextField.class).getText()).isEqualTo("gpu");
        assertThat(robot.lookup("#partition-max-time").queryAs(TextField.class).getText()).isEqualTo("1 d");

        type(robot, "partition-max-time", "-5");
        assertThat(problem(robot, "partition-max-time")).isEqualTo("partitions[1] gpu: MaxTime -5; must be ≥ 1 s (or UNLIMITED)");
        assertThat(robot.lookup("#partition-max-time").queryAs(TextField.class).getStyleClass()).contains("invalid");
        assertThat(site.get()).isSameAs(gpu);

        type(robot, "partition-max-time", "2-00:00:00");
        assertThat(problem(robot, "partition-max-time")).isEmpty();
        List<Partition> ps = new ArrayList<>(gpu.partitions());
        ps.set(1, ps.get(1).toBuilder().maxTimeSeconds(2 * 86_400).build());
        assertThat(site.get()).isEqualTo(gpu.toBuilder().partitions(ps).build());
        assertThat(site.get()).isNotEqualTo(gpu);
        assertThat(robot.lookup("#partition-max-time").queryAs(TextField.class).getText()).isEqualTo("2 d");

        Site before = site.get();
        type(robot, "partition-default-time", "3 d");
        assertThat(problem(robot, "partition-default-time")).isEqualTo("partitions[1] gpu: DefaultTime 3 d; longer than MaxTime 2 d");
        assertThat(site.get()).isSameAs(before);
    }

    @Test
    void accounts_page_edits_fairshare_and_shows_the_models_normalised_shares(FxRobot robot) {
        Fx.run(() -> {
            site.set(fairshare);
            pane.showPage(1);
            pane.viewModel().accounts().selectedProperty().set(AssocKey.account("chem"));
        });
        assertThat(robot.lookup("#account-shares").queryAs(TextField.class).getText()).isEqualTo("50");
        assertShownSharesAreTheModels(robot, fairshare.accounts());

        type(robot, "account-shares", "0");
        assertThat(problem(robot, "account-shares")).isEqualTo("accounts[chem]: Fairshare 0; must be ≥ 1");
        assertThat(site.get()).isSameAs(fairshare);

        type(robot, "account-shares", "150");
        AccountTree.Builder b = AccountTree.builder();
        for (AssocKey k : fairshare.accounts().keys()) {
            Association a = fairshare.accounts().get(k);
            b.add(k.equals(AssocKey.account("chem")) ? a.withShares(150) : a);
        }
        assertThat(site.get()).isEqualTo(fairshare.toBuilder().accounts(b.build()).build());
        assertThat(pane.viewModel().accounts().siblingShare(AssocKey.account("chem"))).isEqualTo(0.75);
        assertShownSharesAreTheModels(robot, site.get().accounts());
    }

    /** Every row's "Of siblings" and "Of cluster" cell is Fair Tree's and classic fair-share's normShares of the model, as %. */
    private static void assertShownSharesAreTheModels(FxRobot robot, AccountTree tree) {
        @SuppressWarnings("unchecked")
        TreeTableView<AssocKey> view = robot.lookup("#site-accounts").queryAs(TreeTableView.class);
        FairShareSnapshot fairTree = FairTree.compute(tree, k -> 0.0);
        FairShareSnapshot classic = ClassicFairShare.compute(tree, k -> 0.0, 1);
        TreeTableColumn<AssocKey, ?> siblings = column(view, "Of siblings");
        TreeTableColumn<AssocKey, ?> cluster = column(view, "Of cluster");
        int rows = Fx.call(view::getExpandedItemCount);
        assertThat(rows).isEqualTo(tree.keys().size());
        int users = 0;
        for (int r = 0; r < rows; r++) {
            AssocKey k = view.getTreeItem(r).getValue();
            if (k.isUser()) users++;
            assertThat(siblings.getCellData(r)).as(k.path()).isEqualTo(Units.share(fairTree.row(k).normShares()));
            assertThat(cluster.getCellData(r)).as(k.path()).isEqualTo(Units.share(classic.row(k).normShares()));
        }
        assertThat(users).isEqualTo(tree.userAssociations().size());
    }

    private static TreeTableColumn<AssocKey, ?> column(TreeTableView<AssocKey> view, String title) {
        return view.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void qos_page_edits_grace_time(FxRobot robot) {
        Fx.run(() -> pane.showPage(2));
        assertThat(pane.viewModel().qos().selectedProperty().get()).isEqualTo("normal");

        type(robot, "qos-grace-time", "soon");
        assertThat(problem(robot, "qos-grace-time")).startsWith("qos[normal]: GraceTime soon; not a time");
        assertThat(site.get()).isSameAs(gpu);

        type(robot, "qos-grace-time", "90");
        Qos normal = gpu.qos().get("normal");
        assertThat(site.get()).isEqualTo(gpu.toBuilder().qos(QosTable.builder().add(normal.withGraceSeconds(90)).build()).build());
        assertThat(robot.lookup("#qos-grace-time").queryAs(TextField.class).getText()).isEqualTo("1 min 30 s");
    }

    @Test
    void priority_page_edits_a_weight_and_shows_which_dominates(FxRobot robot) {
        Fx.run(() -> {
            site.set(fairshare);
            pane.showPage(3);
        });
        assertThat(robot.lookup("#priority-dominant").queryAs(Label.class).getText()).startsWith("FairShare dominates");
        assertThat(robot.lookup("#priority-bar-fairshare-share").queryAs(Label.class).getText())
                .isEqualTo(Units.share(10_000.0 / 10_100));

        type(robot, "priority-weight-age", "-1");
        assertThat(problem(robot, "priority-weight-age")).isEqualTo("priority: PriorityWeightAge -1; must be between 0 and 4294967295");
        assertThat(site.get()).isSameAs(fairshare);

        type(robot, "priority-weight-age", "30000");
        assertThat(site.get()).isEqualTo(fairshare.toBuilder()
                .priority(fairshare.priority().toBuilder().weightAge(30_000).build()).build());
        assertThat(robot.lookup("#priority-dominant").queryAs(Label.class).getText()).startsWith("Age dominates");
        assertThat(robot.lookup("#priority-bar-age-share").queryAs(Label.class).getText()).isEqualTo("75.0 %");
    }

    /** Screenshots of the four pages (to target/, or docs/screenshots with -Dscreenshots.update=true). */
    @Test
    void screenshots_of_the_pages(FxRobot robot) {
        Fx.run(() -> site.set(fairshare));
        String[] names = {"site-editor-partitions.png", "site-editor-accounts.png", "site-editor-qos.png", "site-editor-priority.png"};
        for (int i = 0; i < names.length; i++) {
            int page = i;
            Fx.run(() -> pane.showPage(page));
            assertThat(Screenshots.write(pane, names[i])).isRegularFile().startsWith(Screenshots.dir());
        }
    }

    @Test
    void without_a_site_the_pages_are_disabled(FxRobot robot) {
        Fx.run(() -> site.set(null));
        assertThat(robot.lookup("#site-editor-none").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#site-editor-tabs").query().isDisabled()).isTrue();
        Fx.run(() -> site.set(gpu));
        assertThat(robot.lookup("#site-editor-tabs").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#partition-name").queryAs(TextField.class).getText()).isEqualTo("batch");
    }
}
