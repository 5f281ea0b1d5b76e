package org.preemptlab.app.gui.run;

import org.preemptlab.units.Units;

/**
 * A block of consecutive Gantt rows: a pool (a row a node), or the whole machine in processor mode
 * (a row a range of {@code coresPerRow} processors; the last row may hold fewer).
 *
 * @param cores all cores (processors) of the group
 */
public record PoolGroup(String name, int firstRow, int rowCount, int coresPerRow, long cores) {

    /** A pool of {@code rowCount} nodes of {@code coresPerRow} cores. */
    public PoolGroup(String name, int firstRow, int rowCount, int coresPerRow) {
        this(name, firstRow, rowCount, coresPerRow, (long) rowCount * coresPerRow);
    }

    /** The processors of a processor machine, {@code perRow} to a row. */
    public static PoolGroup processors(int processors, int perRow) {
        return new PoolGroup("processors", 0, (processors + perRow - 1) / perRow, perRow, processors);
    }

    /**
     * What the group's header says beside its name: {@code 4 nodes × 8 cores}, {@code 1 node × 32 cores};
     * a machine of processors (one core a row): {@code 1,152 processors}.
     */
    public String sizeText() {
        if ("processors".equals(name) && (coresPerRow > 1 || cores == rowCount)) {
            String all = Units.count(cores, "processor");
            return coresPerRow == 1 ? all : all + ", " + Units.count(coresPerRow, "processor") + " a row";
        }
        return Units.count(rowCount, "node") + " × " + Units.count(coresPerRow, "core");
    }
}
