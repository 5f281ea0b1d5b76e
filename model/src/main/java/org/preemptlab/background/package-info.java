/** Work on a second thread beside the caller's, joined on every path (the sacct reader's second half, the phase inference, a what-if's baseline). */
package org.preemptlab.background;
