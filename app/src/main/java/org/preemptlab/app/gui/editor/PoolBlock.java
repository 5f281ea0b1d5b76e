package org.preemptlab.app.gui.editor;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.preemptlab.scenario.PoolDraft;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.scenario.ScenarioProblem;

/**
 * One pool drawn as a block of node tiles (summarized for big pools) with its name and node count
 * editable in place; drag the handle at the right of the tiles to resize the pool. Problems of
 * the pool's fields are shown inside the block, next to the field.
 */
final class PoolBlock extends VBox {

    private static final double TILE = 16;
    private static final double GAP = 3;
    private static final int COLUMNS = 16;

    private final EditorViewModel vm;
    private final int index;
    private final TextField name = new TextField();
    private final Label subtitle = new Label();
    private final Canvas tiles = new Canvas();
    private final Region handle = new Region();
    private final Spinner<Integer> nodes = new Spinner<>();
    private final Label issues = new Label();
    private PoolDraft pool;
    private int preview = -1;
    private double dragStart;

    PoolBlock(EditorViewModel vm, int index) {
        super(6);
        this.vm = vm;
        this.index = index;
        getStyleClass().add("pool-block");
        name.setId("pool-name-" + index);
        name.setPrefColumnCount(10);
        name.getStyleClass().add("pool-title");
        name.setOnAction(e -> commitName());
        name.focusedProperty().addListener((o, a, b) -> {
            if (!b) commitName();
        });
        Button remove = new Button("✕");
        remove.setTooltip(new Tooltip("Remove this pool"));
        remove.setOnAction(e -> vm.removePool(index));
        remove.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, name, spacer, remove);
        head.setAlignment(Pos.CENTER_LEFT);

        nodes.setId("pool-nodes-" + index);
        nodes.setEditable(true);
        nodes.setPrefWidth(100);
        nodes.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(-1_000_000, 10_000_000, 1));
        nodes.valueProperty().addListener((o, a, b) -> {
            if (b != null && pool != null && b != pool.nodes()) {
                vm.reportInput(ScenarioValidator.poolPath(index, "nodes"), null);
                vm.setPoolNodes(index, b);
                vm.commitField();
            }
        });
        nodes.getEditor().setOnAction(e -> commitSpinnerText());
        nodes.getEditor().focusedProperty().addListener((o, a, b) -> {
            if (!b) commitSpinnerText();
        });
        Label nodesLabel = new Label("nodes");
        HBox count = new HBox(6, nodes, nodesLabel);
        count.setAlignment(Pos.CENTER_LEFT);

        handle.setPrefSize(5, TILE);
        handle.setMinWidth(5);
        handle.setMaxWidth(5);
        handle.setCursor(Cursor.H_RESIZE);
        handle.setStyle("-fx-background-color: linear-gradient(from 0px 0px to 0px 4px, repeat, #8a929e 50%, transparent 50%);");
        Tooltip.install(handle, new Tooltip("Drag to add or remove nodes"));
        handle.setOnMousePressed(e -> {
            dragStart = e.getScreenX();
            preview = pool.nodes();
            e.consume();
        });
        handle.setOnMouseDragged(e -> {
            TileLayout layout = TileLayout.of(pool.nodes(), TileLayout.MAX_TILES, COLUMNS);
            preview = TileLayout.resized(pool.nodes(), e.getScreenX() - dragStart, TILE + GAP, layout.nodesPerTile());
            drawTiles(preview);
            e.consume();
        });
        handle.setOnMouseReleased(e -> {
            if (preview > 0 && preview != pool.nodes()) {
                vm.setPoolNodes(index, preview);
                vm.commitField();
            }
            preview = -1;
            e.consume();
        });
        HBox tileRow = new HBox(8, tiles, handle);
        tileRow.setAlignment(Pos.TOP_LEFT);

        subtitle.getStyleClass().add("pool-subtitle");
        issues.getStyleClass().add("issue-label");
        issues.setWrapText(true);
        issues.managedProperty().bind(issues.visibleProperty());
        getChildren().addAll(head, subtitle, tileRow, count, issues);
        setPadding(new Insets(8));
        setOnMousePressed(e -> vm.selectedPoolProperty().set(index));
        setMaxWidth(Region.USE_PREF_SIZE);
    }

    private void commitName() {
        if (pool != null && !name.getText().equals(pool.name())) {
            vm.renamePool(index, name.getText());
            vm.commitField();
        }
    }

    private void commitSpinnerText() {
        String text = nodes.getEditor().getText().trim();
        String field = ScenarioValidator.poolPath(index, "nodes");
        try {
            int n = Integer.parseInt(text);
            vm.reportInput(field, null);
            if (pool != null && n != pool.nodes()) {
                vm.setPoolNodes(index, n);
                vm.commitField();
            }
        } catch (NumberFormatException e) {
            // one of the scenario's problems until fixed: the draft still has the previous count
            vm.reportInput(field, "\"" + text + "\" is not a whole number");
        }
    }

    void update(PoolDraft p, List<ScenarioProblem> all, boolean selected) {
        this.pool = p;
        if (!name.isFocused() && !name.getText().equals(p.name())) name.setText(p.name());
        if (nodes.getValue() == null || nodes.getValue() != p.nodes()) nodes.getValueFactory().setValue(p.nodes());
        StringBuilder sb = new StringBuilder();
        sb.append(org.preemptlab.units.Units.count(p.coresPerNode(), "core")).append(" · ")
                .append(org.preemptlab.units.Units.size(p.memoryPerNodeMb())).append(" per node");
        if (!p.owner().isBlank()) sb.append(" · owner ").append(p.owner());
        if (!p.borrowers().isEmpty()) sb.append(" · lends to ").append(String.join(", ", p.borrowers()));
        subtitle.setText(sb.toString());
        String prefix = ScenarioValidator.poolPath(index, "");
        List<ScenarioProblem> mine = all.stream().filter(i -> i.path().startsWith(prefix)).toList();
        issues.setText(String.join("\n", mine.stream().map(i -> "⚠ " + i.path().substring(prefix.length()) + ": " + i.message()).toList()));
        issues.setVisible(!mine.isEmpty());
        mark(name, mine.stream().anyMatch(i -> i.path().endsWith(".name")));
        mark(nodes, mine.stream().anyMatch(i -> i.path().endsWith(".nodes")));
        getStyleClass().removeAll("selected", "invalid");
        if (selected) getStyleClass().add("selected");
        if (!mine.isEmpty()) getStyleClass().add("invalid");
        drawTiles(p.nodes());
    }

    private static void mark(javafx.scene.Node n, boolean invalid) {
        n.getStyleClass().remove("invalid");
        if (invalid) n.getStyleClass().add("invalid");
    }

    private void drawTiles(int count) {
        TileLayout layout = TileLayout.of(Math.max(0, count), TileLayout.MAX_TILES, COLUMNS);
        double w = Math.max(TILE, layout.columns() * (TILE + GAP) - GAP);
        double h = Math.max(TILE, layout.rows() * (TILE + GAP) - GAP);
        tiles.setWidth(w);
        tiles.setHeight(h);
        GraphicsContext gc = tiles.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        boolean owned = pool != null && !pool.owner().isBlank();
        Color fill = owned ? Color.web("#F58518") : Color.web("#4C78A8");
        if (count != (pool == null ? count : pool.nodes())) fill = fill.deriveColor(0, 0.6, 1.2, 0.8);
        for (int t = 0; t < layout.tiles(); t++) {
            double x = (t % layout.columns()) * (TILE + GAP);
            double y = (t / layout.columns()) * (TILE + GAP);
            gc.setFill(fill);
            gc.fillRoundRect(x, y, TILE, TILE, 4, 4);
        }
        if (layout.summarized()) {
            gc.setFill(Color.WHITE);
            gc.fillText("×" + layout.nodesPerTile(), 2, TILE - 4);
        }
        Tooltip.install(tiles, new Tooltip(org.preemptlab.units.Units.count(count, "node")
                + (layout.summarized() ? " (one tile = " + org.preemptlab.units.Units.count(layout.nodesPerTile(), "node") + ")" : "")));
    }
}
