package org.preemptlab.app.gui.run;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.preemptlab.units.Units;

/** The live figures at the cursor, as a strip of small tiles. */
final class MetricsStrip extends HBox {

    private final Label time = value();
    private final Label utilization = value();
    private final ProgressBar utilBar = new ProgressBar(0);
    private final Label busy = value();
    private final Label queued = value();
    private final Label running = value();
    private final Label suspended = value();
    private final Label checkpointing = value();
    private final Label ended = value();

    MetricsStrip(RunViewModel vm) {
        super(18);
        getStyleClass().add("metrics-strip");
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);
        utilBar.setPrefWidth(90);
        VBox util = tile("Utilization", new HBox(6, utilBar, utilization));
        help(util, CursorMetrics.UTILIZATION_HELP);
        VBox held = tile("Cores held", busy);
        help(held, CursorMetrics.CORES_HELD_HELP);
        getChildren().addAll(tile("Time", time), util, held, tile("Queued", queued),
                tile("Running", running), tile("Suspended", suspended), tile("Checkpointing", checkpointing),
                tile("Ended", ended));
        vm.metricsProperty().addListener((o, a, b) -> show(b, vm));
        show(vm.metricsProperty().get(), vm);
    }

    private void show(CursorMetrics m, RunViewModel vm) {
        time.setText(vm.timeTextProperty().get());
        utilization.setText(Units.share(m.utilization()));
        utilBar.setProgress(m.utilization());
        busy.setText(Units.share(m.busy()));
        queued.setText(Integer.toString(m.queued()));
        running.setText(Integer.toString(m.running()));
        suspended.setText(Integer.toString(m.suspended()));
        checkpointing.setText(Integer.toString(m.checkpointing()));
        ended.setText(m.ended() + " / " + vm.run().jobs().size());
    }

    private static void help(VBox tile, String text) {
        tile.setId("metric-" + ((Label) tile.getChildren().get(0)).getText().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        javafx.scene.control.Tooltip.install(tile, RunView.wrapped(text));
    }

    private static Label value() {
        Label l = new Label();
        l.getStyleClass().add("metric-value");
        return l;
    }

    private static VBox tile(String title, javafx.scene.Node value) {
        Label t = new Label(title);
        t.getStyleClass().add("metric-title");
        VBox box = new VBox(1, t, value);
        box.getStyleClass().add("metric-tile");
        return box;
    }
}
