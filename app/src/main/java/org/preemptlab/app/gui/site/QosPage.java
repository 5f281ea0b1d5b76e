package org.preemptlab.app.gui.site;

import java.util.List;
import java.util.TreeSet;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.preemptlab.app.gui.site.QosViewModel.Field;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.qos.Qos;

/** The QOS page: the table, add / remove, and the selected QOS's priority, preemption and limits. */
final class QosPage extends SitePage {

    private final QosViewModel vm;
    private final TableView<Qos> table = new TableView<>();
    private final ChoiceBox<PreemptMode> preemptMode = new ChoiceBox<>();

    QosPage(SiteEditorViewModel editor) {
        super("site-qos-page", 6);
        this.vm = editor.qos();

        SiteForms.table(table, "site-qos", List.of(
                SiteForms.<Qos>column("Name", Qos::name),
                SiteForms.<Qos>column("Priority", q -> Integer.toString(q.priority())),
                SiteForms.<Qos>column("Preempt", q -> SiteText.names(new TreeSet<>(q.preempt()), "")),
                SiteForms.<Qos>column("PreemptMode", q -> q.preemptMode().name()),
                SiteForms.<Qos>column("GraceTime", q -> SiteText.duration(q.graceSeconds(), "0 s")),
                SiteForms.<Qos>column("PreemptExemptTime", q -> SiteText.duration(q.exemptSeconds(), "NONE")),
                SiteForms.<Qos>column("UsageFactor", q -> SiteText.number(q.usageFactor())),
                SiteForms.<Qos>column("MaxWall", q -> SiteText.duration(q.limits().maxWallSeconds(), "")),
                SiteForms.<Qos>column("MaxTRESPerJob", q -> SiteText.tres(q.limits().maxTresPerJob())),
                SiteForms.<Qos>column("MaxTRESPerUser", q -> SiteText.tres(q.limits().maxTresPerUser())),
                SiteForms.<Qos>column("MaxJobsPerUser", q -> SiteText.count(q.limits().maxJobsPerUser(), "")),
                SiteForms.<Qos>column("MaxSubmitJobsPerUser", q -> SiteText.count(q.limits().maxSubmitJobsPerUser(), "")),
                SiteForms.<Qos>column("GrpTRES", q -> SiteText.tres(q.limits().grpTres())),
                SiteForms.<Qos>column("GrpJobs", q -> SiteText.count(q.limits().grpJobs(), "")),
                SiteForms.<Qos>column("GrpSubmitJobs", q -> SiteText.count(q.limits().grpSubmitJobs(), ""))));
        onPick(table.getSelectionModel().selectedItemProperty(), q -> vm.selectedProperty().set(q.name()));

        HBox tools = SiteForms.tools(vm, "qos-message", SiteForms.button("Add", "qos-add", vm::add),
                SiteForms.button("Remove", "qos-remove", vm::remove));

        GridPane form = SiteForms.grid();
        int row = 0;
        SiteForms.field(form, 0, row++, vm, Field.NAME, "qos", 10, "Renaming also renames it where the site names it");
        SiteForms.field(form, 0, row++, vm, Field.PRIORITY, "qos", 8, "The QOS factor, normalised by the highest Priority");
        SiteForms.field(form, 0, row++, vm, Field.PREEMPT, "qos", 14, "The QOS this one may preempt, separated by commas");
        preemptMode.setId("qos-preempt-mode");
        preemptMode.getItems().setAll(PreemptMode.values());
        onPick(preemptMode.valueProperty(), vm::setPreemptMode);
        form.add(SiteForms.label("PreemptMode"), 0, row);
        form.add(preemptMode, 1, row++);
        SiteForms.field(form, 0, row++, vm, Field.GRACE_TIME, "qos", 10, "Between the signal and the stop of a preempted job; bare number: seconds");
        SiteForms.field(form, 0, row++, vm, Field.PREEMPT_EXEMPT_TIME, "qos", 10, "A job runs this long before it may be preempted; NONE");
        SiteForms.field(form, 0, row++, vm, Field.USAGE_FACTOR, "qos", 6, "Multiplies the usage charged for fair-share; 1 is normal");
        int rows = row;
        row = 0;
        SiteForms.field(form, 3, row++, vm, Field.MAX_WALL, "qos", 10, "Longest time limit; empty: no limit");
        SiteForms.field(form, 3, row++, vm, Field.MAX_TRES_PER_JOB, "qos", 14, "e.g. cpu=64,gres/gpu=4");
        SiteForms.field(form, 3, row++, vm, Field.MAX_TRES_PER_USER, "qos", 14, "TRES one user may hold running in this QOS");
        SiteForms.field(form, 3, row++, vm, Field.MAX_JOBS_PER_USER, "qos", 8, "Running jobs per user; empty: no limit");
        SiteForms.field(form, 3, row++, vm, Field.MAX_SUBMIT_JOBS_PER_USER, "qos", 8, "Pending and running jobs per user");
        SiteForms.field(form, 3, row++, vm, Field.GRP_TRES, "qos", 14, "TRES held by all running jobs of the QOS");
        SiteForms.field(form, 3, row++, vm, Field.GRP_JOBS, "qos", 8, "Running jobs of the QOS");
        SiteForms.field(form, 3, Math.max(row, rows), vm, Field.GRP_SUBMIT_JOBS, "qos", 8, "Pending and running jobs of the QOS");

        rows(tools, table, form);
        follow(this::refresh, editor.siteProperty(), vm.selectedProperty());
    }

    private void refresh() {
        quietly(() -> {
            table.getItems().setAll(vm.rows());
            String sel = vm.selectedProperty().get();
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).name().equals(sel)) table.getSelectionModel().select(i);
            }
            Qos q = vm.selectedQos();
            preemptMode.setValue(q == null ? null : q.preemptMode());
        });
    }
}
