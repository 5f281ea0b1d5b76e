package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.Test;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.Simulation;

/**
 * An advance reservation and a maintenance window on the same Gantt are drawn differently: the
 * window keeps its grey hatching, the reservation is a flat tinted band of its own colour
 * ({@link GanttPalette#RESERVATION}), and each is drawn on its own nodes over its own time.
 */
class ReservationLookTest {

    private static final String JSON = """
            {"formatVersion": 1, "name": "looks", "cluster": {"pools": [{"name": "p", "nodes": 4, "coresPerNode": 4}]},
             "policy": {"scheduler": "easy"},
             "jobs": [{"name": "a", "submit": 0, "nodes": 1, "coresPerNode": 4, "estimate": 3000, "runtime": 2000}],
             "reservations": [{"name": "lab", "nodes": ["p-1"], "start": 600, "duration": 1200}],
             "maintenance": [{"name": "fs", "start": 600, "duration": 1200, "nodes": ["p-4"], "strategy": "drain"}]}
            """;

    @Test
    void a_reservation_is_a_tinted_band_and_maintenance_keeps_its_hatching() throws Exception {
        Scenario s = ScenarioReader.read(JSON, "looks.json", Path.of(""));
        RunRecord run = RunRecord.of("looks", new Simulation(s.toConfig(true)).run());
        GanttViewModel vm = new GanttViewModel(new GanttIndex(run), new SimpleLongProperty(run.endTime()));
        vm.setViewport(GanttViewModel.GUTTER_WIDTH + 800, 400);
        vm.setVisibleRange(0, 2400);
        GanttFrame f = new GanttFrame();
        vm.buildFrame(f);

        Map<Integer, Integer> outageStyleByRow = new HashMap<>(); // row top y → style
        Map<Integer, double[]> spanByStyle = new HashMap<>();
        for (int i = 0; i < f.size(); i++) {
            if (GanttFrame.kindOf(f.style(i)) != BarKind.MAINTENANCE) continue;
            outageStyleByRow.put((int) Math.round(f.y(i)), f.style(i));
            spanByStyle.put(f.style(i), new double[] {f.x(i), f.x(i) + f.w(i)});
        }
        int maintenance = GanttFrame.style(BarKind.MAINTENANCE, 0, false);
        int reservation = GanttFrame.style(BarKind.MAINTENANCE, GanttPalette.RESERVATION, false);
        assertThat(spanByStyle).as("one window and one reservation, each in its own style").containsOnlyKeys(maintenance,
                reservation);
        assertThat(outageStyleByRow).hasSize(2); // two rows: p-1 (reservation), p-4 (window)
        for (int style : spanByStyle.keySet()) {
            assertThat(spanByStyle.get(style)[0]).isCloseTo(vm.xOf(600), org.assertj.core.data.Offset.offset(1.0));
            assertThat(spanByStyle.get(style)[1]).isCloseTo(vm.xOf(1800), org.assertj.core.data.Offset.offset(1.0));
        }

        GanttPalette palette = new GanttPalette();
        assertThat(palette.tile(maintenance)).as("maintenance: hatched").isNotNull();
        assertThat(palette.tile(reservation)).as("reservation: a flat band, no hatching").isNull();
        assertThat(palette.argb(reservation)).as("reservation: a colour of its own").isNotEqualTo(palette.argb(maintenance));
        assertThat(palette.flat(reservation).getOpacity()).as("a tint: jobs of the reservation show through").isLessThan(0.5);
    }
}
