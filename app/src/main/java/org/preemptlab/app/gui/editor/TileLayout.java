package org.preemptlab.app.gui.editor;

/**
 * How a pool's nodes are drawn as tiles: one tile per node up to {@code maxTiles}; bigger pools
 * are summarized, each tile standing for several nodes.
 *
 * @param tiles        tiles to draw
 * @param nodesPerTile nodes each tile stands for (1 when not summarized)
 * @param columns      tiles per row
 */
public record TileLayout(int tiles, int nodesPerTile, int columns, int rows) {

    public static final int MAX_TILES = 64;

    public static TileLayout of(int nodes, int maxTiles, int maxColumns) {
        int n = Math.max(0, nodes);
        int perTile = Math.max(1, (int) Math.ceil((double) n / Math.max(1, maxTiles)));
        int tiles = (int) Math.ceil((double) n / perTile);
        int columns = Math.max(1, Math.min(maxColumns, tiles));
        int rows = tiles == 0 ? 0 : (int) Math.ceil((double) tiles / columns);
        return new TileLayout(tiles, perTile, columns, rows);
    }

    public boolean summarized() {
        return nodesPerTile > 1;
    }

    /** The node count a drag of {@code dx} pixels over tiles of width {@code tileWidth} gives. */
    public static int resized(int nodes, double dx, double tileWidth, int nodesPerTile) {
        int delta = (int) Math.round(dx / Math.max(1, tileWidth)) * Math.max(1, nodesPerTile);
        return Math.max(1, nodes + delta);
    }
}
