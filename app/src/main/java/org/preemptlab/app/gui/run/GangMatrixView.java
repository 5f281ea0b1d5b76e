package org.preemptlab.app.gui.run;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The gang matrix panel: a table of nodes × time slices, filled from a {@link GangMatrixViewModel}. */
public final class GangMatrixView extends VBox {

    private final TableView<GangMatrixViewModel.Row> table = new TableView<>();

    public GangMatrixView(GangMatrixViewModel vm) {
        super(4);
        setId("gang-matrix-panel");
        Label title = new Label("Gang matrix");
        title.getStyleClass().add("panel-title");
        Label caption = new Label(vm.caption());
        caption.setId("gang-matrix-caption");
        caption.setWrapText(true);
        table.setId("gang-matrix");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<GangMatrixViewModel.Row, String> node = new TableColumn<>("Node");
        node.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node()));
        table.getColumns().add(node);
        for (int i = 0; i < vm.headers().size(); i++) {
            int slice = i;
            TableColumn<GangMatrixViewModel.Row, String> col = new TableColumn<>(vm.headers().get(i));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cells().get(slice)));
            col.setSortable(false);
            table.getColumns().add(col);
        }
        table.setItems(FXCollections.observableArrayList(vm.rows()));
        table.setPlaceholder(new Label("No node was shared."));
        getChildren().addAll(title, caption, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setPadding(new Insets(6));
    }

    public TableView<GangMatrixViewModel.Row> table() {
        return table;
    }
}
