package org.preemptlab.app.gui.run;

/** A block of consecutive Gantt rows: a pool, or the whole machine in processor mode. */
public record PoolGroup(String name, int firstRow, int rowCount, int coresPerRow) {

    public long cores() {
        return (long) rowCount * coresPerRow;
    }
}
