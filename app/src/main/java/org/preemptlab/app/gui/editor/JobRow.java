package org.preemptlab.app.gui.editor;

import org.preemptlab.scenario.JobDraft;

/** A row of the job table: the job and its position in the draft. */
record JobRow(int index, JobDraft job) {}
