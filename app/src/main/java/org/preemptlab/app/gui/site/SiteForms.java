package org.preemptlab.app.gui.site;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The pieces every site editor page is made of: labelled fields with their problem beside them, columns, buttons. */
final class SiteForms {

    private SiteForms() {}

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        return g;
    }

    /** {@code partition-max-time} for {@code partition} and {@code MAX_TIME}. */
    static String id(String prefix, Enum<?> f) {
        return prefix + "-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A text field for {@code f} in {@code grid} at ({@code col}, {@code row}): label (the Slurm name),
     * field (read on Enter and when it loses focus), and the refusal beside it (id {@code …-error}).
     */
    static <F extends Enum<F> & SlurmField> TextField field(GridPane grid, int col, int row, SitePageViewModel<F> vm, F f,
                                                            String idPrefix, int columns, String tip) {
        TextField t = new TextField();
        t.setId(id(idPrefix, f));
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(vm.textProperty(f));
        t.setOnAction(e -> vm.commit(f));
        t.focusedProperty().addListener((o, a, b) -> {
            if (!b) vm.commit(f);
        });
        vm.errorProperty(f).addListener((o, a, b) -> {
            t.getStyleClass().remove("invalid");
            if (!b.isEmpty()) t.getStyleClass().add("invalid");
        });
        Label l = label(f.slurmName());
        if (tip != null) {
            t.setTooltip(new Tooltip(tip));
            l.setTooltip(new Tooltip(tip));
        }
        Label problem = problem(vm.errorProperty(f));
        problem.setId(id(idPrefix, f) + "-error");
        grid.add(l, col, row);
        grid.add(t, col + 1, row);
        grid.add(problem, col + 2, row);
        return t;
    }

    static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static Label problem(ReadOnlyStringProperty text) {
        Label l = new Label();
        l.getStyleClass().add("issue-label");
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMaxWidth(380);
        return l;
    }

    /** The tool bar above a page's table: {@code tools}, then the page's message (id {@code messageId}). */
    static HBox tools(SitePageViewModel<?> vm, String messageId, Node... tools) {
        Label message = problem(vm.messageProperty());
        message.setId(messageId);
        HBox box = new HBox(6, tools);
        box.getChildren().add(message);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A page's table of rows: {@code columns} in their order, unsorted, as wide as they need. */
    static <R> void table(TableView<R> table, String id, List<TableColumn<R, String>> columns) {
        table.setId(id);
        table.setPrefHeight(180);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().addAll(columns);
    }

    static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(d.getValue() == null ? "" : value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    static <R> TreeTableColumn<R, String> treeColumn(String title, Function<R, String> value) {
        TreeTableColumn<R, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(d.getValue() == null || d.getValue().getValue() == null
                ? "" : value.apply(d.getValue().getValue())));
        c.setSortable(false);
        return c;
    }
}
