package org.preemptlab.app.gui.run;

/** Where a scenario runs: in the emulator (instant), or in real time on processes or Slurm. */
public enum BackendKind {
    EMULATED("Emulated"),
    LOCAL("Local processes"),
    SLURM("Slurm");

    private final String label;

    BackendKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isLive() {
        return this != EMULATED;
    }

    @Override
    public String toString() {
        return label;
    }
}
