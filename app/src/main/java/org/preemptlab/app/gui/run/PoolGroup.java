package org.preemptlab.app.gui.run;

import org.preemptlab.units.Units;

/**
 * A block of consecutive Gantt rows: a pool (a row a node), or the whole machine in processor mode
 * (a row a range of {@code coresPerRow} processors; the last row may hold fewer).
 *
 * @param cores       all cores (processors) of the group
 * @param gpusPerNode GPUs on each node (a version-2 pool's {@code gres gpu}), 0 for none
 */
public record PoolGroup(String name, int firstRow, int rowCount, int coresPerRow, long cores, long gpusPerNode) {

    public PoolGroup(String name, int firstRow, int rowCount, int coresPerRow, long cores) {
        this(name, firstRow, rowCount, coresPerRow, cores, 0);
    }

    /** A pool of {@code rowCount} nodes of {@code coresPerRow} cores. */
    public PoolGroup(String name, int firstRow, int rowCount, int coresPerRow) {
        this(name, firstRow, rowCount, coresPerRow, (long) rowCount * coresPerRow);
    }

    /** A pool of {@code rowCount} nodes of {@code coresPerRow} cores and {@code gpusPerNode} GPUs each. */
    public static PoolGroup withGpus(String name, int firstRow, int rowCount, int coresPerRow, long gpusPerNode) {
        return new PoolGroup(name, firstRow, rowCount, coresPerRow, (long) rowCount * coresPerRow, gpusPerNode);
    }

    /** The processors of a processor machine, {@code perRow} to a row. */
    public static PoolGroup processors(int processors, int perRow) {
        return new PoolGroup("processors", 0, (processors + perRow - 1) / perRow, perRow, processors);
    }

    /**
     * What the group's header says beside its name: {@code 4 nodes × 8 cores}, {@code 1 node × 32 cores};
     * {@code 2 nodes × 64 cores × 4 GPUs}; a machine of processors (one core a row): {@code 1,152 processors}.
     */
    public String sizeText() {
        if ("processors".equals(name) && (coresPerRow > 1 || cores == rowCount)) {
            String all = Units.count(cores, "processor");
            return coresPerRow == 1 ? all : all + ", " + Units.count(coresPerRow, "processor") + " a row";
        }
        String size = Units.count(rowCount, "node") + " × " + Units.count(coresPerRow, "core");
        return gpusPerNode > 0 ? size + " × " + Units.count(gpusPerNode, "GPU") : size;
    }
}
