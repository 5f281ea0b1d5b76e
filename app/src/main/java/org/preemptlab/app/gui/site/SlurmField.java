package org.preemptlab.app.gui.site;

/** A text field of a site editor page, named as Slurm names the setting ({@code MaxTime}, {@code GrpTRES}). */
public interface SlurmField {

    /** The setting's Slurm name, used in labels and messages. */
    String slurmName();
}
