package org.preemptlab.app.gui.run;

import java.util.Arrays;

/**
 * One frame's draw list: rectangles with a style and a job, and job-name labels. Primitive arrays
 * reused from frame to frame, so building a frame of many bars allocates nothing. The painter
 * turns it into canvas calls; tests inspect it directly.
 *
 * <p>Style: bits 0–7 colour index (class × 4 + shade), bits 8–11 {@link BarKind}, bit 12 faded
 * (the future, beyond the cursor).
 */
public final class GanttFrame {

    private static final int FADED = 1 << 12;
    /** Outline flags: the rectangle is the top (bottom) of its block, so the outline runs along that edge. */
    public static final int OUTLINE_TOP = 1 << 8, OUTLINE_BOTTOM = 1 << 9;
    private static final BarKind[] KINDS = BarKind.values();

    private int count;
    private double[] x = new double[1024];
    private double[] y = new double[1024];
    private double[] w = new double[1024];
    private double[] h = new double[1024];
    private int[] style = new int[1024];
    private int[] job = new int[1024];
    private int[] outline = new int[1024];
    private int labels;
    private double[] lx = new double[64];
    private double[] ly = new double[64];
    private double[] lw = new double[64];
    private int[] ljob = new int[64];
    private int[] lstyle = new int[64];

    public static int style(BarKind kind, int colorIndex, boolean faded) {
        return (kind.ordinal() << 8) | (colorIndex & 0xFF) | (faded ? FADED : 0);
    }

    public static BarKind kindOf(int style) {
        return KINDS[(style >> 8) & 0xF];
    }

    public static int colorOf(int style) {
        return style & 0xFF;
    }

    public static boolean isFaded(int style) {
        return (style & FADED) != 0;
    }

    void clear() {
        count = 0;
        labels = 0;
    }

    void add(double rx, double ry, double rw, double rh, int rstyle, int rjob) {
        add(rx, ry, rw, rh, rstyle, rjob, -1);
    }

    /** Adds a rectangle with an outline of colour index {@code routline} (-1: none). */
    void add(double rx, double ry, double rw, double rh, int rstyle, int rjob, int routline) {
        if (count == x.length) {
            int c = count * 2;
            x = Arrays.copyOf(x, c);
            y = Arrays.copyOf(y, c);
            w = Arrays.copyOf(w, c);
            h = Arrays.copyOf(h, c);
            style = Arrays.copyOf(style, c);
            job = Arrays.copyOf(job, c);
            outline = Arrays.copyOf(outline, c);
        }
        x[count] = rx;
        y[count] = ry;
        w[count] = rw;
        h[count] = rh;
        style[count] = rstyle;
        job[count] = rjob;
        outline[count] = routline;
        count++;
    }

    void label(double x0, double y0, double width, int j) {
        label(x0, y0, width, j, style(BarKind.RUNNING, 0, false));
    }

    /** A job name centred vertically at y0, starting at x0, at most {@code width} wide, on a bar of {@code barStyle}. */
    void label(double x0, double y0, double width, int j, int barStyle) {
        if (labels == lx.length) {
            int c = labels * 2;
            lx = Arrays.copyOf(lx, c);
            ly = Arrays.copyOf(ly, c);
            lw = Arrays.copyOf(lw, c);
            ljob = Arrays.copyOf(ljob, c);
            lstyle = Arrays.copyOf(lstyle, c);
        }
        lx[labels] = x0;
        ly[labels] = y0;
        lw[labels] = width;
        ljob[labels] = j;
        lstyle[labels] = barStyle;
        labels++;
    }

    public int size() {
        return count;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double w(int i) {
        return w[i];
    }

    public double h(int i) {
        return h[i];
    }

    public int style(int i) {
        return style[i];
    }

    /** The job drawn, or -1 for merged bars, outages, queue and load strips. */
    public int job(int i) {
        return job[i];
    }

    public int labelCount() {
        return labels;
    }

    public double labelX(int i) {
        return lx[i];
    }

    public double labelY(int i) {
        return ly[i];
    }

    public double labelWidth(int i) {
        return lw[i];
    }

    public int labelJob(int i) {
        return ljob[i];
    }

    /** The style of the bar a label is on. */
    public int labelStyle(int i) {
        return lstyle[i];
    }

    /**
     * The outline of rectangle i (the job's class when colouring by job), or -1: colour index in
     * bits 0–7, {@link #OUTLINE_TOP} and {@link #OUTLINE_BOTTOM} where the block's edges are.
     */
    public int outline(int i) {
        return outline[i];
    }
}
