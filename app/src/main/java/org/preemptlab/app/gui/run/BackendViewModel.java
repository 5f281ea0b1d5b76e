package org.preemptlab.app.gui.run;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Run menu's backend choice: emulated (the default), local processes or Slurm (with its
 * slurm.conf and partition), and the time scale of a live run. Text fields are kept as typed;
 * {@link #problems()} says what is wrong, {@link #liveSettings()} gives the checked settings.
 */
public final class BackendViewModel {

    public static final double DEFAULT_TIME_SCALE = 60;

    private final ObjectProperty<BackendKind> kind = new SimpleObjectProperty<>(this, "kind", BackendKind.EMULATED);
    private final StringProperty timeScale = new SimpleStringProperty(this, "timeScale", "60");
    private final StringProperty slurmConf = new SimpleStringProperty(this, "slurmConf", "");
    private final StringProperty partition = new SimpleStringProperty(this, "partition", "");
    private final BooleanBinding slurm = Bindings.equal(BackendKind.SLURM, kind);
    private final BooleanBinding live = Bindings.notEqual(BackendKind.EMULATED, kind);
    private Path localRunsDir;

    public BackendViewModel() {
        String conf = System.getenv("SLURM_CONF");
        if (conf != null && !conf.isBlank()) slurmConf.set(conf.trim());
    }

    public ObjectProperty<BackendKind> kindProperty() {
        return kind;
    }

    public BackendKind kind() {
        return kind.get();
    }

    /** Simulated seconds per real second, as typed. */
    public StringProperty timeScaleProperty() {
        return timeScale;
    }

    public StringProperty slurmConfProperty() {
        return slurmConf;
    }

    public StringProperty partitionProperty() {
        return partition;
    }

    /** True when Slurm is chosen (its fields apply). */
    public BooleanBinding slurmBinding() {
        return slurm;
    }

    /** True when a live backend is chosen (the time scale applies). */
    public BooleanBinding liveBinding() {
        return live;
    }

    /** Where the local backend puts its run directories (null: its default); for tests and batch use. */
    public void setLocalRunsDir(Path dir) {
        localRunsDir = dir;
    }

    /** What keeps the chosen backend from running; empty when it can (always for the emulator). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        BackendKind k = kind.get();
        if (k == null || !k.isLive()) return out;
        double scale = parseScale();
        if (Double.isNaN(scale)) {
            out.add("Time scale: \"" + timeScale.get() + "\" is not a number; use simulated seconds per real second, e.g. 60.");
        } else if (!(scale > 0) || Double.isInfinite(scale)) {
            out.add("Time scale: " + timeScale.get().trim() + " must be greater than 0 (e.g. 60: one simulated minute per real second).");
        }
        if (k == BackendKind.SLURM) {
            String conf = slurmConf.get() == null ? "" : slurmConf.get().trim();
            if (conf.isEmpty()) {
                out.add("Slurm: the path of the cluster's slurm.conf is missing (e.g. sample-clusters/slurm-local/…/slurm.conf).");
            } else {
                Path p = toPath(conf);
                if (p == null || !Files.isRegularFile(p)) out.add("Slurm: the config file " + conf + " does not exist.");
            }
        }
        return out;
    }

    /**
     * The checked settings of a live run.
     *
     * @throws IllegalStateException naming the problems if there are any, or if the emulator is chosen
     */
    public LiveSettings liveSettings() {
        if (!kind.get().isLive()) throw new IllegalStateException("The emulated backend is chosen: nothing runs live.");
        List<String> problems = problems();
        if (!problems.isEmpty()) throw new IllegalStateException(String.join("\n", problems));
        String part = partition.get() == null || partition.get().isBlank() ? null : partition.get().trim();
        Path conf = kind.get() == BackendKind.SLURM ? toPath(slurmConf.get().trim()).toAbsolutePath() : null;
        return new LiveSettings(kind.get(), parseScale(), conf, part, localRunsDir);
    }

    private double parseScale() {
        String s = timeScale.get() == null ? "" : timeScale.get().trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Path toPath(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
