package org.preemptlab.app.gui.site;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.preemptlab.site.Site;

/**
 * What every page of the site editor shares: one text per field of the selected row, kept as typed;
 * {@link #commit} reads it, and either sets the site property to a new {@link Site} with that one
 * change or leaves the property alone and publishes, beside the field, a message naming the place
 * and the value in Slurm terms ({@code partitions[1] gpu: MaxTime -5; must be ≥ 1 s (or UNLIMITED)}).
 * Structural edits (add, remove, move) report their refusals in {@link #messageProperty()}.
 *
 * @param <F> the page's fields
 */
public abstract class SitePageViewModel<F extends Enum<F> & SlurmField> {

    protected final SiteEditorViewModel editor;
    private final Class<F> type;
    private final Map<F, StringProperty> texts;
    private final Map<F, ReadOnlyStringWrapper> errors;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private boolean applying;

    SitePageViewModel(SiteEditorViewModel editor, Class<F> type) {
        this.editor = editor;
        this.type = type;
        texts = new EnumMap<>(type);
        errors = new EnumMap<>(type);
        for (F f : type.getEnumConstants()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            texts.put(f, new SimpleStringProperty(this, n, ""));
            errors.put(f, new ReadOnlyStringWrapper(this, n + "Error", ""));
        }
        editor.siteProperty().addListener((o, a, b) -> {
            if (applying) refreshUnrefused();
            else siteReplaced();
        });
    }

    // ---------------------------------------------------------------- for the view

    /** What is typed in a field (the view binds its text field to it). */
    public StringProperty textProperty(F f) {
        return texts.get(f);
    }

    /** Why the typed text was refused; empty when it was taken (or not yet read). */
    public ReadOnlyStringProperty errorProperty(F f) {
        return errors.get(f).getReadOnlyProperty();
    }

    public String error(F f) {
        return errors.get(f).get();
    }

    /** Why the last add / remove / move was refused; empty after one that was done. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Reads the field's text: a new site with that change, or a message beside the field. Text
     * equal to what is shown changes nothing.
     *
     * @return whether the text was taken
     */
    public boolean commit(F f) {
        Site s = editor.site();
        if (s == null || !hasRow(s)) return false;
        String text = texts.get(f).get();
        if (text != null && text.equals(show(f, s))) {
            errors.get(f).set("");
            return true;
        }
        try {
            Site next = apply(f, text == null ? "" : text, s);
            errors.get(f).set("");
            set(next);
            return true;
        } catch (Refused r) {
            String typed = text == null || text.isBlank() ? "(empty)" : text.strip();
            errors.get(f).set(place(s) + ": " + f.slurmName() + " " + typed + "; " + r.getMessage());
            return false;
        }
    }

    // ---------------------------------------------------------------- for the pages

    /** The selected row's text for {@code f}. */
    abstract String show(F f, Site site);

    /** The site with {@code f} set from {@code text}; {@link Refused} with the rule when the text breaks one. */
    abstract Site apply(F f, String text, Site site);

    /** The selected row in Slurm terms: {@code partitions[1] gpu}, {@code accounts[chem]}, {@code qos[normal]}. */
    abstract String place(Site site);

    /** Whether a row is selected (the priority page always has one). */
    abstract boolean hasRow(Site site);

    /** Keeps the selection valid after the site was replaced from outside. */
    void selectionAfterReplace(Site site) {}

    /** Sets the site from this page (the fields that hold refused text keep it). */
    final void set(Site next) {
        applying = true;
        try {
            editor.siteProperty().set(next);
        } finally {
            applying = false;
        }
    }

    /** A structural edit: done, or refused with its message. */
    final boolean act(UnaryOperator<Site> edit) {
        Site s = editor.site();
        if (s == null) return false;
        try {
            Site next = edit.apply(s);
            message.set("");
            if (!next.equals(s)) set(next);
            reset();
            return true;
        } catch (Refused r) {
            message.set(r.getMessage());
            return false;
        }
    }

    /** Every field shows the selected row again, no message left. */
    final void reset() {
        Site s = editor.site();
        boolean row = s != null && hasRow(s);
        for (F f : type.getEnumConstants()) {
            texts.get(f).set(row ? show(f, s) : "");
            errors.get(f).set("");
        }
    }

    private void siteReplaced() {
        Site s = editor.site();
        if (s != null) selectionAfterReplace(s);
        message.set("");
        reset();
    }

    private void refreshUnrefused() {
        Site s = editor.site();
        boolean row = s != null && hasRow(s);
        for (F f : type.getEnumConstants()) {
            if (errors.get(f).get().isEmpty()) texts.get(f).set(row ? show(f, s) : "");
        }
    }
}
