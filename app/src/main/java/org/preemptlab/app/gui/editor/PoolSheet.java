package org.preemptlab.app.gui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.preemptlab.scenario.PoolDraft;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.scenario.ScenarioProblem;

/**
 * The selected pool's properties in a ControlsFX {@link PropertySheet}. Editors commit on Enter
 * or when they lose focus (not per keystroke); a value that does not parse is reported to the
 * editor as one of the scenario's problems, and every problem of the pool's fields is shown under
 * the sheet.
 */
final class PoolSheet extends VBox {

    private final EditorViewModel vm;
    private final PropertySheet sheet = new PropertySheet();
    private final Label title = new Label();
    private final Label problems = new Label();
    /** What was typed in a field that did not parse (by field path), shown again when the sheet is rebuilt. */
    private final Map<String, String> typed = new HashMap<>();

    PoolSheet(EditorViewModel vm) {
        super(4);
        this.vm = vm;
        title.getStyleClass().add("section-title");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> new CommitEditor((PoolItem) item));
        sheet.setPrefHeight(230);
        problems.getStyleClass().add("issue-label");
        problems.setWrapText(true);
        getChildren().addAll(title, sheet, problems);
    }

    void refresh() {
        int p = vm.selectedPoolProperty().get();
        List<PoolDraft> pools = vm.draft().pools();
        if (p < 0 || p >= pools.size()) {
            title.setText("No pool selected");
            sheet.getItems().clear();
            problems.setText("");
            return;
        }
        title.setText("Pool " + pools.get(p).name());
        boolean editing = sheet.lookupAll(".text-field").stream().anyMatch(javafx.scene.Node::isFocused);
        if (!editing || sheet.getItems().isEmpty()) sheet.getItems().setAll(items(p));
        List<String> lines = new ArrayList<>();
        String prefix = vm.poolPrefix(p);
        for (ScenarioProblem i : vm.issues()) {
            if (i.path().startsWith(prefix)) lines.add("⚠ " + i.path().substring(prefix.length()) + ": " + i.message());
        }
        problems.setText(String.join("\n", lines));
    }

    private List<PropertySheet.Item> items(int p) {
        if (vm.draft().isSlurm()) { // a node group of a Slurm site: no owner or borrowers; GRES and features
            return List.of(
                    new PoolItem(p, "Name", "name", String.class, PoolDraft::name, (i, v) -> vm.renamePool(i, (String) v)),
                    new PoolItem(p, "Nodes", "count", Integer.class, PoolDraft::nodes, (i, v) -> vm.setPoolNodes(i, (Integer) v)),
                    new PoolItem(p, "CPUs per node", "cpus", Integer.class, PoolDraft::coresPerNode, (i, v) -> vm.setPoolCores(i, (Integer) v)),
                    new PoolItem(p, "Memory per node (MB)", "realMemory", Long.class, PoolDraft::memoryPerNodeMb, (i, v) -> vm.setPoolMemory(i, (Long) v)),
                    new PoolItem(p, "GRES per node (gpu:type:n, …)", "gres", String.class,
                            d -> org.preemptlab.gres.Gres.format(d.gres()), (i, v) -> vm.setPoolGres(i, (String) v)),
                    new PoolItem(p, "Checkpoint bandwidth (MB/s)", "checkpointBandwidthMBps", Double.class, PoolDraft::bandwidthMBps, (i, v) -> vm.setPoolBandwidth(i, (Double) v)));
        }
        return List.of(
                new PoolItem(p, "Name", "name", String.class, PoolDraft::name, (i, v) -> vm.renamePool(i, (String) v)),
                new PoolItem(p, "Nodes", "nodes", Integer.class, PoolDraft::nodes, (i, v) -> vm.setPoolNodes(i, (Integer) v)),
                new PoolItem(p, "Cores per node", "coresPerNode", Integer.class, PoolDraft::coresPerNode, (i, v) -> vm.setPoolCores(i, (Integer) v)),
                new PoolItem(p, "Memory per node (MB)", "memoryPerNodeMb", Long.class, PoolDraft::memoryPerNodeMb, (i, v) -> vm.setPoolMemory(i, (Long) v)),
                new PoolItem(p, "Owner group", "owner", String.class, PoolDraft::owner, (i, v) -> vm.setPoolOwner(i, (String) v)),
                new PoolItem(p, "May be borrowed by QOS", "borrowers", List.class, d -> String.join(", ", d.borrowers()), (i, v) -> vm.setPoolBorrowers(i, (String) v)),
                new PoolItem(p, "Checkpoint bandwidth (MB/s)", "checkpointBandwidthMBps", Double.class, PoolDraft::bandwidthMBps, (i, v) -> vm.setPoolBandwidth(i, (Double) v)));
    }

    /** One property of one pool: reads the current draft, writes through the view-model. */
    private final class PoolItem implements PropertySheet.Item {
        private final int pool;
        private final String name;
        private final String field;
        private final Class<?> type;
        private final Function<PoolDraft, Object> getter;
        private final BiConsumer<Integer, Object> setter;

        PoolItem(int pool, String name, String field, Class<?> type, Function<PoolDraft, Object> getter, BiConsumer<Integer, Object> setter) {
            this.pool = pool;
            this.name = name;
            this.field = field;
            this.type = type;
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return "Pool";
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return vm.issueFor(vm.poolPrefix(pool) + field).orElse(name);
        }

        @Override
        public Object getValue() {
            List<PoolDraft> pools = vm.draft().pools();
            return pool < pools.size() ? getter.apply(pools.get(pool)) : null;
        }

        @Override
        public void setValue(Object value) {
            if (value == null || value.equals(getValue())) return;
            setter.accept(pool, value);
            vm.commitField();
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }

        String field() {
            return field;
        }
    }

    /** A text editor that parses to the item's type and commits on Enter or focus loss. */
    private final class CommitEditor extends AbstractPropertyEditor<Object, TextField> {
        private final PoolItem item;
        private SimpleObjectProperty<Object> committed;

        CommitEditor(PoolItem item) {
            super(item, new TextField(), false);
            this.item = item;
            TextField f = getEditor();
            f.setId("pool-" + item.field());
            f.setOnAction(e -> commit(item));
            f.focusedProperty().addListener((o, a, b) -> {
                if (!b) commit(item);
            });
            boolean invalid = vm.issueFor(vm.poolPrefix(item.pool) + item.field()).isPresent();
            if (invalid) f.getStyleClass().add("invalid");
            f.setTooltip(new javafx.scene.control.Tooltip(item.getDescription()));
        }

        private void commit(PoolItem item) {
            String text = getEditor().getText().trim();
            String path = vm.poolPrefix(item.pool) + item.field();
            try {
                Object v = parse(item.getType(), text);
                typed.remove(path);
                vm.reportInput(path, null);
                getEditor().getStyleClass().remove("invalid");
                valueProperty().set(v);
            } catch (NumberFormatException e) {
                // one of the scenario's problems until fixed: the draft still has the previous value
                typed.put(path, getEditor().getText());
                vm.reportInput(path, "\"" + text + "\" is not " + (item.getType() == Double.class ? "a number" : "a whole number"));
                if (!getEditor().getStyleClass().contains("invalid")) getEditor().getStyleClass().add("invalid");
            }
        }

        private SimpleObjectProperty<Object> valueProperty() {
            if (committed == null) committed = new SimpleObjectProperty<>();
            return committed;
        }

        @Override
        protected ObservableValue<Object> getObservableValue() {
            return valueProperty();
        }

        @Override
        public void setValue(Object value) {
            String path = vm.poolPrefix(item.pool) + item.field();
            boolean pending = vm.inputProblems().stream().anyMatch(i -> i.path().equals(path));
            if (!pending) typed.remove(path);
            // a text that did not parse stays in the field (with its problem listed) until fixed
            getEditor().setText(pending && typed.containsKey(path) ? typed.get(path) : value == null ? "" : format(value));
            valueProperty().set(value);
        }
    }

    private static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) return Long.toString(d.longValue());
        return String.valueOf(v);
    }

    static Object parse(Class<?> type, String text) {
        if (type == Integer.class) return Integer.parseInt(text);
        if (type == Long.class) return Long.parseLong(text);
        if (type == Double.class) return Double.parseDouble(text);
        return text;
    }
}
