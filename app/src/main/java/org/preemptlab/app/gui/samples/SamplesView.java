package org.preemptlab.app.gui.samples;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Samples (start) page: every sample scenario with its name, file and what it teaches, and an
 * Open button that opens it, runs it and shows the Run view. Optionally a first card for the
 * built-in default scenario.
 */
public final class SamplesView extends BorderPane {

    private final SamplesViewModel vm;
    private final VBox cards = new VBox(10);
    private final Runnable openDefault;

    /**
     * @param openDefault opens the built-in default scenario, or null for no such card
     */
    public SamplesView(SamplesViewModel vm, Runnable openDefault) {
        this.vm = vm;
        this.openDefault = openDefault;
        setId("samples-page");
        Label title = new Label("Samples: scenarios that teach");
        title.getStyleClass().add("panel-title");
        Label hint = new Label("Each sample says what to look at. Open runs it and shows its schedule in the Run view;"
                + " the editor then holds it, ready to change and run again (F5) or compare (F6).");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label source = new Label();
        source.getStyleClass().add("hint");
        source.setId("samples-source");
        source.textProperty().bind(vm.sourceProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("samples-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox sourceBar = new HBox(8, source, spacer, refresh);
        sourceBar.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, title, hint, sourceBar);
        header.setPadding(new Insets(10, 14, 8, 14));
        setTop(header);
        cards.setPadding(new Insets(4, 14, 14, 14));
        cards.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setId("samples-scroll");
        setCenter(scroll);
        vm.samples().addListener((ListChangeListener<SampleEntry>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        cards.getChildren().clear();
        if (openDefault != null) {
            cards.getChildren().add(card("default", "Owner pools with borrowing (built in)", "built in",
                    "The scenario the planner opens with: a public pool and an owned pool whose owners preempt the borrowers."
                            + " Open it again here after trying the samples.", null, openDefault));
        }
        for (SampleEntry s : vm.samples()) {
            cards.getChildren().add(card(idOf(s.fileName()), s.title(), s.fileName(), s.flowingDescription(), s.problem(), () -> vm.open(s)));
        }
    }

    /** The node-id stem of a sample's card: its file name without {@code .json}, safe for CSS lookups. */
    public static String idOf(String fileName) {
        return fileName.replaceFirst("\\.json$", "").replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static VBox card(String id, String titleText, String fileText, String description, String problem, Runnable open) {
        Label title = new Label(titleText);
        title.getStyleClass().add("panel-title");
        title.setId("sample-title-" + id);
        Label file = new Label(fileText);
        file.getStyleClass().add("hint");
        Button openButton = new Button("Open");
        openButton.setId("open-sample-" + id);
        openButton.setDisable(problem != null);
        openButton.setOnAction(e -> open.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, file, spacer, openButton);
        top.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(problem != null ? (description.isEmpty() ? problem : description + "\n\n" + problem)
                : description.isEmpty() ? "(no description)" : description);
        text.setWrapText(true);
        text.setId("sample-description-" + id);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(6, top, text);
        card.setId("sample-" + id);
        card.getStyleClass().add("sample-card");
        card.setPadding(new Insets(8, 10, 10, 10));
        return card;
    }
}
