package org.preemptlab.app.gui.site;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
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
