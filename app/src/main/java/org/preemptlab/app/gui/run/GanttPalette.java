package org.preemptlab.app.gui.run;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;

/**
 * The look of each drawn style: bar colours from a fixed palette, and patterns that tell the states
 * apart (hatched = suspended, amber I/O stripes = checkpointing, teal I/O stripes = restarting, red
 * cross-hatch = lost work, grey hatch = maintenance, green tint = reservation). Colours and pattern tiles are made once per
 * style and cached, both as raster data (for {@link BarRaster}) and as JavaFX paints (legend).
 *
 * <p>The palette is fixed: twelve colours that colour-blind readers can tell apart (Okabe &amp; Ito's
 * eight without black, and four of Paul Tol's "muted" scheme), each in three shades. A name (a job,
 * user, account, partition or QOS) gets its colour from {@link #colorIndexOf}: a hash of the name's
 * UTF-8 bytes (FNV-1a, seeded, with Murmur3's final mix) modulo 12, so the same name has the same
 * colour in every scenario, run and session. The seed is chosen so that the usual QOS names of the
 * samples and of Slurm sites differ: normal blue, owner orange, preempt green, low purple, debug sky
 * blue, high vermillion, standby indigo, borrow-requeue green, fullmachine wine, borrow-ckpt teal,
 * borrow-suspend olive. Other names may share a colour; the legend lists them.
 */
public final class GanttPalette {

    /** The fixed palette: Okabe–Ito (blue, orange, bluish green, reddish purple, sky blue, vermillion) and Tol muted. */
    private static final Color[] PALETTE = {
            Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#CC79A7"),
            Color.web("#56B4E9"), Color.web("#D55E00"), Color.web("#332288"), Color.web("#DDCC77"),
            Color.web("#117733"), Color.web("#882255"), Color.web("#44AA99"), Color.web("#999933")};
    /** Colours in the palette. */
    public static final int SIZE = PALETTE.length;
    private static final int SEED = 389_096;
    /** Occupancy strip states, the colour index of a {@link BarKind#POOL_LOAD} style. */
    public static final int LOAD_BUSY = 0, LOAD_CHECKPOINTING = 1, LOAD_SUSPENDED = 2, LOAD_DOWN = 3;
    /**
     * The colour index of a {@link BarKind#MAINTENANCE} style that is an advance reservation: a
     * tinted band without hatching (maintenance windows, colour index 0, keep the grey hatching).
     */
    public static final int RESERVATION = 1;
    /** The tint of a reservation's band. */
    static final Color RESERVATION_TINT = Color.color(0.0, 0.62, 0.45, 0.2);
    static final Color CHECKPOINT_STRIPE = Color.web("#FFB000");
    static final Color RESTART_STRIPE = Color.web("#00C2C7");
    static final Color LOST = Color.web("#D62728");
    static final Color QUEUE = Color.web("#6C8EBF");
    private static final BarKind[] KINDS = BarKind.values();
    private static final RasterTile NONE = new RasterTile(1, 1, new int[] {0});

    private final Color[] flats = new Color[1 << 13];
    private final int[] argb = new int[1 << 13];
    private final RasterTile[] tiles = new RasterTile[1 << 13];
    private final Paint[] paints = new Paint[1 << 13];

    public static Color classColor(int classIndex) {
        return PALETTE[Math.floorMod(classIndex, PALETTE.length)];
    }

    /** The hash of a name that picks its colour (stable across runs and machines). */
    static int hash(String name) {
        int h = SEED;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * The colour index (palette entry × 4 + shade) of a name: the entry is the name's hash modulo
     * 12; with {@code shaded}, one of three shades is picked by the hash too (jobs: 36 looks).
     */
    public static int colorIndexOf(String name, boolean shaded) {
        int h = hash(name);
        int entry = Integer.remainderUnsigned(h, SIZE);
        int shade = shaded ? Integer.remainderUnsigned(Integer.divideUnsigned(h, SIZE), 3) : 0;
        return entry * 4 + shade;
    }

    /** True if dark text reads better than white on the style's colour. */
    public boolean lightBackground(int style) {
        Color c = flat(style);
        double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return lum > 0.55 || c.getOpacity() < 0.6;
    }

    /** Flat ARGB colour of a style (used where a pattern would not show). */
    public int argb(int style) {
        int c = argb[style];
        if (c == 0) {
            c = toArgb(flat(style));
            argb[style] = c == 0 ? 1 : c;
        }
        return c;
    }

    /** The pattern tile of a style, or null if it is drawn flat. */
    public RasterTile tile(int style) {
        RasterTile t = tiles[style];
        if (t == null) {
            t = makeTile(style);
            tiles[style] = t == null ? NONE : t;
        }
        return t == NONE ? null : t;
    }

    /** A JavaFX paint of the style (legend swatches). */
    public Paint paint(int style, double width) {
        if (width < 4) return flat(style);
        Paint p = paints[style];
        if (p == null) {
            RasterTile t = tile(style);
            if (t == null) {
                p = flat(style);
            } else {
                WritableImage img = new WritableImage(t.width(), t.height());
                img.getPixelWriter().setPixels(0, 0, t.width(), t.height(), PixelFormat.getIntArgbInstance(), t.argb(), 0, t.width());
                p = new ImagePattern(img, 0, 0, t.width(), t.height(), false);
            }
            paints[style] = p;
        }
        return p;
    }

    public Color flat(int style) {
        Color c = flats[style];
        if (c == null) {
            c = makeFlat(style);
            flats[style] = c;
        }
        return c;
    }

    static int toArgb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    private static Color base(int colorIndex) {
        Color c = classColor(colorIndex / 4);
        return switch (colorIndex & 3) {
            case 1 -> c.deriveColor(0, 1, 0.86, 1);
            case 2 -> c.deriveColor(0, 0.85, 1.1, 1);
            case 3 -> c.deriveColor(0, 0.7, 0.95, 1);
            default -> c;
        };
    }

    private static Color makeFlat(int style) {
        BarKind kind = KINDS[(style >> 8) & 0xF];
        int color = GanttFrame.colorOf(style);
        Color c = switch (kind) {
            case RUNNING, MERGED -> base(color);
            case RESTARTING -> base(color).interpolate(RESTART_STRIPE, 0.45);
            case SUSPENDED -> base(color).interpolate(Color.WHITE, 0.55);
            case CHECKPOINTING -> base(color).interpolate(CHECKPOINT_STRIPE, 0.55);
            case STOPPING -> Color.web("#555555");
            case LOST -> Color.color(LOST.getRed(), LOST.getGreen(), LOST.getBlue(), 0.6);
            case MAINTENANCE -> color == RESERVATION ? RESERVATION_TINT : Color.color(0.45, 0.45, 0.55, 0.22);
            case NODE_DOWN -> Color.color(0.85, 0.1, 0.1, 0.18);
            case QUEUE -> QUEUE;
            case POOL_LOAD -> switch (color) {
                case LOAD_CHECKPOINTING -> CHECKPOINT_STRIPE;
                case LOAD_SUSPENDED -> Color.web("#9DB9D5");
                case LOAD_DOWN -> Color.web("#B8646A");
                default -> Color.web("#2F5F8F");
            };
            case PREEMPT_MARK -> Color.web("#5B1A8C");
            case CHECKPOINT_MARK -> Color.web("#B35C00");
            case RESTART_MARK -> Color.web("#007E82");
            case FAILURE_MARK -> Color.web("#D62728");
            case PLANNED_MAINTENANCE -> Color.color(0.42, 0.25, 0.6, 0.22);
        };
        if (GanttFrame.isFaded(style)) c = Color.color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * 0.3);
        return c;
    }

    private static RasterTile makeTile(int style) {
        BarKind kind = KINDS[(style >> 8) & 0xF];
        double fade = GanttFrame.isFaded(style) ? 0.3 : 1;
        Color base = base(GanttFrame.colorOf(style));
        return switch (kind) {
            case SUSPENDED -> hatch(base.interpolate(Color.WHITE, 0.7), base, 8, fade);
            case CHECKPOINTING -> stripes(base, CHECKPOINT_STRIPE, fade);
            case RESTARTING -> stripes(base.interpolate(Color.WHITE, 0.25), RESTART_STRIPE, fade);
            case STOPPING -> hatch(Color.web("#5A5A5A"), Color.web("#E45756"), 6, fade);
            case LOST -> crossHatch(Color.color(LOST.getRed(), LOST.getGreen(), LOST.getBlue(), 0.45), Color.web("#7F0000"), fade);
            case MAINTENANCE -> GanttFrame.colorOf(style) == RESERVATION ? null // a flat tinted band
                    : hatch(Color.color(0.5, 0.5, 0.6, 0.16), Color.color(0.35, 0.35, 0.45, 0.45), 10, 1);
            case NODE_DOWN -> hatch(Color.color(0.9, 0.2, 0.2, 0.12), Color.color(0.7, 0.1, 0.1, 0.5), 10, 1);
            case PLANNED_MAINTENANCE -> hatch(Color.color(0.55, 0.35, 0.75, 0.14), Color.color(0.42, 0.2, 0.62, 0.6), 8, 1);
            default -> null;
        };
    }

    private static int alpha(Color c, double fade) {
        return toArgb(Color.color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * fade));
    }

    /** Diagonal lines on a background. */
    private static RasterTile hatch(Color background, Color line, int size, double fade) {
        int[] px = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) px[y * size + x] = alpha(Math.floorMod(x + y, size) <= 1 ? line : background, fade);
        }
        return new RasterTile(size, size, px);
    }

    /** Red translucent cross-hatch for lost work. */
    private static RasterTile crossHatch(Color background, Color line, double fade) {
        int size = 6;
        int[] px = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean on = Math.floorMod(x + y, size) == 0 || Math.floorMod(x - y, size) == 0;
                px[y * size + x] = alpha(on ? line : background, fade);
            }
        }
        return new RasterTile(size, size, px);
    }

    /** The I/O pattern: short vertical dashes like a data stream. */
    private static RasterTile stripes(Color background, Color stripe, double fade) {
        int w = 6;
        int h = 8;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) px[y * w + x] = alpha(x < 2 && (y + x * 3) % h < 5 ? stripe : background, fade);
        }
        return new RasterTile(w, h, px);
    }
}
