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
import org.preemptlab.gres.Gres;
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
                vm.reportInput(nodesPath(), null);
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
        String field = nodesPath();
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

    /** The path of the node count: {@code cluster.pools[i].nodes}, or a node group's {@code cluster.nodes[i].count}. */
    private String nodesPath() {
        return vm.poolPrefix(index) + (vm.draft().isSlurm() ? "count" : "nodes");
    }

    void update(PoolDraft p, List<ScenarioProblem> all, boolean selected) {
        this.pool = p;
        if (!name.isFocused() && !name.getText().equals(p.name())) name.setText(p.name());
        if (nodes.getValue() == null || nodes.getValue() != p.nodes()) nodes.getValueFactory().setValue(p.nodes());
        StringBuilder sb = new StringBuilder();
        if (vm.draft().isSlurm()) { // a Slurm node group: CPUs, memory in GiB, GPUs by type
            sb.append(org.preemptlab.units.Units.count(p.coresPerNode(), "CPU")).append(" · ")
                    .append(SlurmCells.gib(p.memoryPerNodeMb())).append(gpuText(p)).append(" per node");
            if (!p.features().isEmpty()) sb.append(" · features ").append(String.join(", ", p.features()));
        } else {
            sb.append(org.preemptlab.units.Units.count(p.coresPerNode(), "core")).append(" · ")
                    .append(org.preemptlab.units.Units.size(p.memoryPerNodeMb())).append(" per node");
        }
        if (!p.owner().isBlank()) sb.append(" · owner ").append(p.owner());
        if (!p.borrowers().isEmpty()) sb.append(" · lends to ").append(String.join(", ", p.borrowers()));
        subtitle.setText(sb.toString());
        String prefix = vm.poolPrefix(index);
        List<ScenarioProblem> mine = all.stream().filter(i -> i.path().startsWith(prefix)).toList();
        issues.setText(String.join("\n", mine.stream().map(i -> "⚠ " + i.path().substring(prefix.length()) + ": " + i.message()).toList()));
        issues.setVisible(!mine.isEmpty());
        mark(name, mine.stream().anyMatch(i -> i.path().endsWith(".name")));
        mark(nodes, mine.stream().anyMatch(i -> i.path().endsWith(".nodes") || i.path().endsWith(".count")));
        getStyleClass().removeAll("selected", "invalid");
        if (selected) getStyleClass().add("selected");
        if (!mine.isEmpty()) getStyleClass().add("invalid");
        drawTiles(p.nodes());
    }

    private static void mark(javafx.scene.Node n, boolean invalid) {
        n.getStyleClass().remove("invalid");
        if (invalid) n.getStyleClass().add("invalid");
    }

    /** " · 4 × a100 GPUs" for each GPU type of the node group, or "". */
    static String gpuText(PoolDraft p) {
        StringBuilder sb = new StringBuilder();
        for (Gres g : gpus(p)) {
            sb.append(" · ").append(g.count()).append(g.type().isEmpty() ? "" : " × " + g.type()).append(g.count() == 1 ? " GPU" : " GPUs");
        }
        return sb.toString();
    }

    private static List<Gres> gpus(PoolDraft p) {
        return p.gres().stream().filter(g -> g.name().equals("gpu") && g.count() > 0).toList();
    }

    /** The colour of a GPU type (the same type, the same colour, in every pool). */
    static Color gpuColor(String type) {
        Color[] palette = {Color.web("#54A24B"), Color.web("#B279A2"), Color.web("#E45756"), Color.web("#72B7B2"),
                Color.web("#EECA3B"), Color.web("#9D755D")};
        return palette[Math.floorMod(type.hashCode(), palette.length)];
    }

    /** How many GPU squares a node tile shows (the rest are counted in the subtitle and tooltip). */
    static final int GPU_SQUARES = 8;
    private static final double GPU = 4;

    private void drawTiles(int count) {
        TileLayout layout = TileLayout.of(Math.max(0, count), TileLayout.MAX_TILES, COLUMNS);
        List<Gres> gpus = pool == null ? List.of() : gpus(pool);
        long gpuCount = gpus.stream().mapToLong(Gres::count).sum();
        // a node with GPUs is drawn taller: its GPUs are small squares (by type) under its CPU tile
        double gpuRows = gpuCount == 0 ? 0 : Math.ceil(Math.min(gpuCount, GPU_SQUARES) / 3.0);
        double tileH = TILE + gpuRows * (GPU + 1);
        double w = Math.max(TILE, layout.columns() * (TILE + GAP) - GAP);
        double h = Math.max(tileH, layout.rows() * (tileH + GAP) - GAP);
        tiles.setWidth(w);
        tiles.setHeight(h);
        GraphicsContext gc = tiles.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        boolean owned = pool != null && !pool.owner().isBlank();
        Color fill = owned ? Color.web("#F58518") : Color.web("#4C78A8");
        if (count != (pool == null ? count : pool.nodes())) fill = fill.deriveColor(0, 0.6, 1.2, 0.8);
        for (int t = 0; t < layout.tiles(); t++) {
            double x = (t % layout.columns()) * (TILE + GAP);
            double y = (t / layout.columns()) * (tileH + GAP);
            gc.setFill(fill);
            gc.fillRoundRect(x, y, TILE, TILE, 4, 4);
            int k = 0;
            for (Gres g : gpus) {
                gc.setFill(gpuColor(g.type()));
                for (long n = 0; n < g.count() && k < GPU_SQUARES; n++, k++) {
                    gc.fillRect(x + 1 + (k % 3) * (GPU + 1), y + TILE + 1 + (k / 3) * (GPU + 1), GPU, GPU);
                }
            }
        }
        if (layout.summarized()) {
            gc.setFill(Color.WHITE);
            gc.fillText("×" + layout.nodesPerTile(), 2, TILE - 4);
        }
        Tooltip.install(tiles, new Tooltip(org.preemptlab.units.Units.count(count, "node")
                + (layout.summarized() ? " (one tile = " + org.preemptlab.units.Units.count(layout.nodesPerTile(), "node") + ")" : "")
                + (gpus.isEmpty() ? "" : "; each with " + String.join(", ", gpus.stream()
                        .map(g -> g.count() + (g.type().isEmpty() ? "" : " × " + g.type()) + " GPU").toList()))));
    }
}
