package org.preemptlab.app.gui.site;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What every site editor page shares: a column of parts, and controls that the page sets from its
 * view-model {@link #quietly} (so that their listeners do not write the shown value back) and that
 * pass on only what the user picks ({@link #onPick}).
 */
abstract class SitePage extends VBox {

    private boolean updating;

    SitePage(String id, double spacing) {
        setSpacing(spacing);
        setPadding(new Insets(6));
        setId(id);
    }

    /** A page of rows, top to bottom: the tool bar, the rows (they take the height left), the selected row's settings. */
    final void rows(Node tools, Node rows, Node detail) {
        VBox.setVgrow(rows, Priority.ALWAYS);
        getChildren().addAll(tools, rows, detail);
    }

    /** Runs {@code update} now and whenever one of {@code sources} changes. */
    static void follow(Runnable update, ObservableValue<?>... sources) {
        for (ObservableValue<?> s : sources) s.addListener((o, a, b) -> update.run());
        update.run();
    }

    /** Calls {@code action} with each non-null value {@code value} takes, except the ones set {@link #quietly}. */
    final <T> void onPick(ObservableValue<T> value, Consumer<? super T> action) {
        value.addListener((o, a, b) -> {
            if (!updating && b != null) action.accept(b);
        });
    }

    /** Runs {@code update} (which sets controls from the view-model) with {@link #onPick}'s actions silent. */
    final void quietly(Runnable update) {
        updating = true;
        try {
            update.run();
        } finally {
            updating = false;
        }
    }
}
