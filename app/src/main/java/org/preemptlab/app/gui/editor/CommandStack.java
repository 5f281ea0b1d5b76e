package org.preemptlab.app.gui.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Undo/redo over immutable values: every edit is a labelled step from one value to the next, so
 * undoing is just going back to the previous value (no inverse operations to get wrong).
 */
public final class CommandStack<T> {

    private record Step<T>(String label, T before, T after, String key) {}

    private static final int LIMIT = 500;

    private final ReadOnlyObjectWrapper<T> current;
    private final Deque<Step<T>> undo = new ArrayDeque<>();
    private final Deque<Step<T>> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");

    public CommandStack(T initial) {
        current = new ReadOnlyObjectWrapper<>(this, "current", Objects.requireNonNull(initial));
    }

    public ReadOnlyObjectProperty<T> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public T current() {
        return current.get();
    }

    /** Moves to {@code next}, remembering the step; no step if nothing changes. */
    public boolean apply(String label, T next) {
        return apply(label, next, null);
    }

    /**
     * Like {@link #apply(String, Object)}, but consecutive edits with the same non-null
     * {@code coalesceKey} (typing into one field) become a single undo step.
     */
    public boolean apply(String label, T next, String coalesceKey) {
        T before = current.get();
        if (Objects.equals(before, next)) return false;
        Step<T> top = undo.peek();
        if (coalesceKey != null && top != null && redo.isEmpty() && coalesceKey.equals(top.key())) {
            undo.pop();
            undo.push(new Step<>(label, top.before(), next, coalesceKey));
            current.set(next);
            refresh();
            return true;
        }
        undo.push(new Step<>(label, before, next, coalesceKey));
        if (undo.size() > LIMIT) undo.removeLast();
        redo.clear();
        current.set(next);
        refresh();
        return true;
    }

    /** Closes the current run of merged edits (focus left the field, the drag ended). */
    public void seal() {
        Step<T> top = undo.peek();
        if (top != null && top.key() != null) {
            undo.pop();
            undo.push(new Step<>(top.label(), top.before(), top.after(), null));
        }
    }

    public void undo() {
        if (undo.isEmpty()) return;
        Step<T> s = undo.pop();
        redo.push(s);
        current.set(s.before());
        refresh();
    }

    public void redo() {
        if (redo.isEmpty()) return;
        Step<T> s = redo.pop();
        undo.push(s);
        current.set(s.after());
        refresh();
    }

    /** Starts over from {@code value} with no history (a file was opened). */
    public void reset(T value) {
        undo.clear();
        redo.clear();
        current.set(Objects.requireNonNull(value));
        refresh();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo rename pool" style labels for menus. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoLabel.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().label());
        redoLabel.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().label());
    }
}
