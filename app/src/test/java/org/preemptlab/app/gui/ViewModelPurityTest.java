package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * MVVM rule, checked on the sources: view-models and the logic they use never touch the scene
 * graph (javafx.scene, javafx.stage, ControlsFX, JFreeChart), so they stay testable without the FX
 * toolkit. javafx.beans / javafx.collections (properties, observable lists) are allowed.
 */
class ViewModelPurityTest {

    private static final Path GUI = Path.of("src/main/java/org/preemptlab/app/gui");
    private static final List<String> FORBIDDEN = List.of("import javafx.scene", "import javafx.stage",
            "import javafx.application", "import javafx.animation", "import org.controlsfx", "import org.jfree");

    @Test
    void view_models_do_not_know_the_view() throws IOException {
        try (Stream<Path> files = Files.walk(GUI)) {
            List<Path> logic = files.filter(p -> p.toString().endsWith(".java")).filter(ViewModelPurityTest::isLogic).toList();
            assertThat(logic).extracting(p -> p.getFileName().toString())
                    .contains("RunViewModel.java", "GanttViewModel.java", "EditorViewModel.java", "CompareViewModel.java",
                            "MainViewModel.java", "GanttIndex.java", "CommandStack.java", "BackendViewModel.java",
                            "LiveRunViewModel.java", "LiveTimeline.java", "SamplesViewModel.java", "SampleCatalog.java");
            for (Path p : logic) {
                String text = Files.readString(p);
                for (String f : FORBIDDEN) assertThat(text).as(p + " must not " + f).doesNotContain(f);
            }
        }
    }

    /** View-models, and everything in the scenario and background packages plus the Gantt's index and frame. */
    private static boolean isLogic(Path p) {
        String name = p.getFileName().toString();
        String dir = p.getParent().getFileName().toString();
        return name.endsWith("ViewModel.java") || dir.equals("scenario") || dir.equals("background")
                || List.of("GanttIndex.java", "RowBars.java", "BarLevel.java", "StepSeries.java", "GanttFrame.java",
                        "BarRaster.java", "TimeAxis.java", "JobHistory.java", "CommandStack.java", "TileLayout.java",
                        "MetricRow.java", "RunRecord.java", "LiveTimeline.java", "LiveSnapshot.java", "LiveRun.java",
                        "LiveSettings.java", "BackendKind.java", "MaintenanceDrawing.java", "SampleCatalog.java",
                        "SampleEntry.java").contains(name);
    }
}
