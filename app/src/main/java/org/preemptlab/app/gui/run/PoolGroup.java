package org.preemptlab.app.gui.run;

import org.preemptlab.units.Units;

/** A block of consecutive Gantt rows: a pool, or the whole machine in processor mode. */
public record PoolGroup(String name, int firstRow, int rowCount, int coresPerRow) {

    public long cores() {
        return (long) rowCount * coresPerRow;
    }

    /**
     * What the group's header says beside its name: {@code 4 nodes × 8 cores}, {@code 1 node × 32 cores};
     * a machine of processors (one core a row): {@code 1,152 processors}.
     */
    public String sizeText() {
        if (coresPerRow == 1 && "processors".equals(name)) return Units.count(rowCount, "processor");
        return Units.count(rowCount, "node") + " × " + Units.count(coresPerRow, "core");
    }
}
