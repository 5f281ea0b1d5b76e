package org.preemptlab.app.gui.site;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.preemptlab.app.gui.site.PriorityViewModel.Field;
import org.preemptlab.app.gui.site.PriorityViewModel.WeightShare;
import org.preemptlab.priority.PriorityConfig;
import org.preemptlab.priority.PriorityFlag;
import org.preemptlab.priority.ResetPeriod;
import org.preemptlab.units.Units;

/** The priority page: PriorityType, fair-share algorithm, weights with their shares as bars, times and flags. */
final class PriorityPage extends SitePage {

    static final String BASIC = "priority/basic (submit order)";
    static final String MULTIFACTOR = "priority/multifactor";
    static final String FAIR_TREE = "Fair Tree";
    static final String CLASSIC = "classic (NO_FAIR_TREE)";

    private final PriorityViewModel vm;
    private final ChoiceBox<String> type = new ChoiceBox<>();
    private final ChoiceBox<String> algorithm = new ChoiceBox<>();
    private final ChoiceBox<ResetPeriod> reset = new ChoiceBox<>();
    private final CheckBox favorSmall = new CheckBox("PriorityFavorSmall");
    private final List<CheckBox> flags = new ArrayList<>();
    private final GridPane bars = SiteForms.grid();
    private final Label dominant = new Label();

    PriorityPage(SiteEditorViewModel editor) {
        super("site-priority-page", 8);
        this.vm = editor.priority();

        type.setId("priority-type");
        type.getItems().setAll(BASIC, MULTIFACTOR);
        onPick(type.valueProperty(), t -> vm.setMultifactor(t.equals(MULTIFACTOR)));
        algorithm.setId("priority-fair-share");
        algorithm.getItems().setAll(FAIR_TREE, CLASSIC);
        onPick(algorithm.valueProperty(), t -> vm.setFairTree(t.equals(FAIR_TREE)));
        reset.setId("priority-reset-period");
        reset.getItems().setAll(ResetPeriod.values());
        onPick(reset.valueProperty(), vm::setResetPeriod);
        favorSmall.setId("priority-favor-small");
        onPick(favorSmall.selectedProperty(), vm::setFavorSmall);
        GridPane top = SiteForms.grid();
        top.addRow(0, SiteForms.label("PriorityType"), type);
        top.addRow(1, SiteForms.label("Fair-share"), algorithm);
        top.addRow(2, SiteForms.label("PriorityUsageResetPeriod"), reset);
        top.add(favorSmall, 1, 3);

        GridPane weights = SiteForms.grid();
        int row = 0;
        for (Field f : List.of(Field.WEIGHT_AGE, Field.WEIGHT_FAIRSHARE, Field.WEIGHT_JOB_SIZE, Field.WEIGHT_PARTITION,
                Field.WEIGHT_QOS, Field.WEIGHT_ASSOC)) {
            SiteForms.field(weights, 0, row++, vm, f, "priority", 10, "0 to " + PriorityConfig.MAX_WEIGHT);
        }
        SiteForms.field(weights, 0, row++, vm, Field.WEIGHT_TRES, "priority", 18, "e.g. cpu=2000,mem=1,gres/gpu=5000");
        SiteForms.field(weights, 0, row++, vm, Field.MAX_AGE, "priority", 10, "The wait at which the age factor reaches 1");
        SiteForms.field(weights, 0, row++, vm, Field.DECAY_HALF_LIFE, "priority", 10, "Usage halves in this time; 0: no decay");
        SiteForms.field(weights, 0, row++, vm, Field.CALC_PERIOD, "priority", 10, "How often usage decays and priorities are recomputed");
        SiteForms.field(weights, 0, row++, vm, Field.DAMPENING_FACTOR, "priority", 6, "Classic fair-share only; 1 is none");

        VBox flagBox = new VBox(4, SiteForms.label("PriorityFlags"));
        for (PriorityFlag f : PriorityFlag.values()) {
            if (f == PriorityFlag.NO_FAIR_TREE) continue;
            CheckBox c = new CheckBox(f.name());
            c.setMnemonicParsing(false);
            c.setId("priority-flag-" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            c.setUserData(f);
            onPick(c.selectedProperty(), on -> vm.setFlag(f, on));
            flags.add(c);
            flagBox.getChildren().add(c);
        }

        dominant.setId("priority-dominant");
        dominant.getStyleClass().add("section-title");
        bars.setId("priority-weight-bars");
        VBox share = new VBox(6, SiteForms.label("Each weight's share of their total (the factors are 0 … 1)"), bars, dominant);
        getChildren().addAll(top, new HBox(24, weights, new VBox(12, share, flagBox)));
        follow(this::refresh, editor.siteProperty());
    }

    private void refresh() {
        quietly(() -> {
            PriorityConfig c = vm.config();
            type.setValue(vm.multifactor() ? MULTIFACTOR : BASIC);
            algorithm.setValue(c.fairTree() ? FAIR_TREE : CLASSIC);
            reset.setValue(c.resetPeriod());
            favorSmall.setSelected(c.favorSmall());
            for (CheckBox f : flags) f.setSelected(c.flags().contains((PriorityFlag) f.getUserData()));
            bars.getChildren().clear();
            int row = 0;
            for (WeightShare w : vm.weightShares()) {
                ProgressBar bar = new ProgressBar(w.share());
                bar.setPrefWidth(200);
                bar.setId("priority-bar-" + w.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
                Label pct = new Label(Units.share(w.share()));
                pct.setId(bar.getId() + "-share");
                bars.addRow(row++, SiteForms.label(w.name()), bar, pct);
            }
            String d = vm.dominant();
            dominant.setText(d.isEmpty() ? "All weights are 0: every job has the same priority (submit order decides)"
                    : d + " dominates" + (vm.multifactor() ? "" : " (but PriorityType is basic: submit order decides)"));
        });
    }
}
