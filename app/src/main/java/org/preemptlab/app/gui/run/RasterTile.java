package org.preemptlab.app.gui.run;

/** A small repeating ARGB pattern (hatch, I/O stripes), anchored at the raster's origin. */
public record RasterTile(int width, int height, int[] argb) {

    public int at(int x, int y) {
        return argb[Math.floorMod(y, height) * width + Math.floorMod(x, width)];
    }
}
