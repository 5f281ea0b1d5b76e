/**
 * Output files that appear whole or not at all, with the user's normal permissions
 * ({@link org.preemptlab.io.files.AtomicFiles}); used by every writer of the model and the app.
 * {@link org.preemptlab.io.files.OutputTargets} is the check a command makes before it runs.
 * Depends on nothing else of the model.
 */
package org.preemptlab.io.files;
