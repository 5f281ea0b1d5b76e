package org.preemptlab.app.gui.samples;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start page's state: the sample scenarios with what each teaches, and Open. Opening goes
 * through the given opener (the main view-model: read the file, load the editor, run it and show
 * the Run view).
 */
public final class SamplesViewModel {

    private final Supplier<Optional<Path>> locator;
    private final Consumer<Path> opener;
    private final ObservableList<SampleEntry> samples = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");

    /**
     * @param locator the folder of the samples (see {@link SampleCatalog#locate}), empty when there is none
     * @param opener  opens one scenario file
     */
    public SamplesViewModel(Supplier<Optional<Path>> locator, Consumer<Path> opener) {
        this.locator = Objects.requireNonNull(locator, "locator");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** Lists the samples again (a file added or edited shows up). */
    public void refresh() {
        Optional<Path> dir = locator.get();
        samples.setAll(dir.map(SampleCatalog::list).orElse(java.util.List.of()));
        source.set(dir.map(d -> samples.size() + " samples in " + d).orElse(
                "No sample scenarios found (no sample-clusters/ folder here, none bundled)."));
    }

    public ObservableList<SampleEntry> samples() {
        return samples;
    }

    /** Where the samples were found, in words. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The sample with this file name, if listed. */
    public Optional<SampleEntry> find(String fileName) {
        return samples.stream().filter(s -> s.fileName().equals(fileName)).findFirst();
    }

    /** Opens the sample; false (nothing happens) for one that cannot be read. */
    public boolean open(SampleEntry sample) {
        if (!sample.readable()) return false;
        opener.accept(sample.file());
        return true;
    }
}
