package org.preemptlab.app.gui.run;

import java.util.Arrays;

/**
 * A software raster for the Gantt's rectangles: an ARGB pixel buffer that rectangles are filled
 * into (snapped to whole pixels, clipped, alpha-blended over the opaque background, optionally
 * patterned). Filling tens of thousands of thin bars this way and handing the canvas one image
 * is far cheaper than one canvas call per bar. Every pixel stays opaque, so the buffer is valid
 * both as ARGB and as premultiplied ARGB. Needs no UI toolkit.
 */
public final class BarRaster {

    private int width;
    private int height;
    private int[] pixels = new int[0];
    private int clipTop;
    private int clipBottom;

    /**
     * Sets the size; the pixel array is exactly width × height (so it can back an image directly)
     * and is replaced only when the size changes.
     *
     * @return true if the pixel array was replaced
     */
    public boolean resize(int w, int h) {
        int nw = Math.max(1, w);
        int nh = Math.max(1, h);
        boolean changed = nw != width || nh != height;
        width = nw;
        height = nh;
        if (changed) pixels = new int[width * height];
        clip(0, height);
        return changed;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int[] pixels() {
        return pixels;
    }

    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** Limits fills to rows [top, bottom). */
    public void clip(int top, int bottom) {
        clipTop = Math.max(0, top);
        clipBottom = Math.min(height, bottom);
    }

    public void clear(int argb) {
        Arrays.fill(pixels, 0, width * height, argb | 0xFF000000);
    }

    /** Fills [x, x+w) × [y, y+h) with a colour, snapping to pixels (at least one pixel wide and high). */
    public void fill(double x, double y, double w, double h, int argb) {
        int x0 = (int) Math.round(x);
        int x1 = Math.max(x0 + 1, (int) Math.round(x + w));
        int y0 = (int) Math.round(y);
        int y1 = Math.max(y0 + 1, (int) Math.round(y + h));
        x0 = Math.max(0, x0);
        x1 = Math.min(width, x1);
        y0 = Math.max(clipTop, y0);
        y1 = Math.min(clipBottom, y1);
        if (x0 >= x1 || y0 >= y1) return;
        int alpha = argb >>> 24;
        if (alpha == 0) return;
        if (alpha == 255) {
            for (int row = y0; row < y1; row++) Arrays.fill(pixels, row * width + x0, row * width + x1, argb);
            return;
        }
        for (int row = y0; row < y1; row++) {
            int base = row * width;
            for (int col = x0; col < x1; col++) pixels[base + col] = blend(pixels[base + col], argb);
        }
    }

    /** Fills with a repeating pattern. */
    public void fill(double x, double y, double w, double h, RasterTile tile) {
        int x0 = Math.max(0, (int) Math.round(x));
        int x1 = Math.min(width, Math.max((int) Math.round(x) + 1, (int) Math.round(x + w)));
        int y0 = Math.max(clipTop, (int) Math.round(y));
        int y1 = Math.min(clipBottom, Math.max((int) Math.round(y) + 1, (int) Math.round(y + h)));
        for (int row = y0; row < y1; row++) {
            int base = row * width;
            for (int col = x0; col < x1; col++) {
                int src = tile.at(col, row);
                int a = src >>> 24;
                if (a == 255) pixels[base + col] = src;
                else if (a > 0) pixels[base + col] = blend(pixels[base + col], src);
            }
        }
    }

    /** A one-pixel vertical line. */
    public void vline(int x, int y0, int y1, int argb) {
        if (x < 0 || x >= width) return;
        for (int row = Math.max(clipTop, y0); row < Math.min(clipBottom, y1); row++) {
            pixels[row * width + x] = blend(pixels[row * width + x], argb);
        }
    }

    /** Source-over of a translucent colour onto an opaque pixel. */
    static int blend(int dst, int src) {
        int a = src >>> 24;
        int na = 255 - a;
        int r = (((src >> 16) & 0xFF) * a + ((dst >> 16) & 0xFF) * na + 127) / 255;
        int g = (((src >> 8) & 0xFF) * a + ((dst >> 8) & 0xFF) * na + 127) / 255;
        int b = ((src & 0xFF) * a + (dst & 0xFF) * na + 127) / 255;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
