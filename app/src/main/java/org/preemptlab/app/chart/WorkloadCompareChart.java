package org.preemptlab.app.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.preemptlab.job.JobSpec;

/**
 * A real workload against a generated one, four panels: the distributions (CDF) of job size, run
 * time and estimate, and the share of submissions per half hour of the day. Used by the
 * {@code workload-compare} command.
 */
public final class WorkloadCompareChart {

    private static final Color REAL = new Color(0x333333);
    private static final Color MODEL = new Color(0xD95F02);

    private WorkloadCompareChart() {}

    /** The 2 × 2 panels as one image. */
    public static BufferedImage image(String realName, List<JobSpec> real, long realDayOffset, String modelName,
            List<JobSpec> model, int width, int height) {
        double maxLog2 = Math.max(1, Math.max(maxOf(real, j -> log2(j.procs())), maxOf(model, j -> log2(j.procs()))));
        JFreeChart[] charts = {
            cdf("Job size", "log2(processors)", realName, real, modelName, model, j -> log2(j.procs()), 0, maxLog2, 0.125),
            cdf("Run time", "log10(run time, s)", realName, real, modelName, model, j -> Math.log10(Math.max(1, j.runtime())), 0, 6, 0.05),
            daily(realName, real, realDayOffset, modelName, model),
            cdf("Estimate", "log10(estimate, s)", realName, real, modelName, model, j -> Math.log10(Math.max(1, j.estimate())), 0, 6, 0.02),
        };
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 4; i++) {
            charts[i].draw(g, new Rectangle2D.Double((i % 2) * width / 2.0, (i / 2) * height / 2.0, width / 2.0, height / 2.0));
        }
        g.dispose();
        return img;
    }

    private static double log2(int v) {
        return Math.log(v) / Math.log(2);
    }

    private static double maxOf(List<JobSpec> jobs, ToDoubleFunction<JobSpec> f) {
        double m = 0;
        for (JobSpec j : jobs) m = Math.max(m, f.applyAsDouble(j));
        return m;
    }

    static JFreeChart cdf(String title, String xLabel, String realName, List<JobSpec> real, String modelName, List<JobSpec> model,
            ToDoubleFunction<JobSpec> f, double from, double to, double step) {
        XYSeriesCollection c = new XYSeriesCollection();
        c.addSeries(cdfSeries(realName, real, f, from, to, step));
        c.addSeries(cdfSeries(modelName, model, f, from, to, step));
        NumberAxis y = new NumberAxis("share of jobs ≤ x");
        y.setRange(0, 1);
        NumberAxis x = new NumberAxis(xLabel);
        x.setRange(from, to);
        return chart(title, c, x, y);
    }

    private static XYSeries cdfSeries(String name, List<JobSpec> jobs, ToDoubleFunction<JobSpec> f, double from, double to,
            double step) {
        int bins = (int) Math.ceil((to - from) / step) + 1;
        double[] count = new double[bins + 1];
        for (JobSpec j : jobs) {
            double v = f.applyAsDouble(j);
            int b = (int) Math.floor((v - from) / step + 1e-9);
            count[Math.max(0, Math.min(bins, b))]++;
        }
        XYSeries s = new XYSeries(name, false, true);
        double cum = 0;
        for (int b = 0; b <= bins; b++) {
            cum += count[b];
            s.add(from + b * step, cum / Math.max(1, jobs.size()));
        }
        return s;
    }

    static JFreeChart daily(String realName, List<JobSpec> real, long realDayOffset, String modelName, List<JobSpec> model) {
        XYSeriesCollection c = new XYSeriesCollection();
        c.addSeries(dailySeries(realName, real, realDayOffset));
        c.addSeries(dailySeries(modelName, model, 0));
        NumberAxis x = new NumberAxis("hour of the day (local time)");
        x.setRange(0, 24);
        NumberAxis y = new NumberAxis("share of submissions per half hour");
        return chart("Arrivals over the day", c, x, y);
    }

    private static XYSeries dailySeries(String name, List<JobSpec> jobs, long offset) {
        double[] half = new double[48];
        for (JobSpec j : jobs) half[(int) (Math.floorMod(j.submit() + offset, 86_400L) / 1800)]++;
        XYSeries s = new XYSeries(name, false, true);
        for (int k = 0; k < 48; k++) s.add(k / 2.0 + 0.25, half[k] / Math.max(1, jobs.size()));
        return s;
    }

    private static JFreeChart chart(String title, XYSeriesCollection c, NumberAxis x, NumberAxis y) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, REAL);
        r.setSeriesPaint(1, MODEL);
        r.setSeriesStroke(0, new java.awt.BasicStroke(2f));
        r.setSeriesStroke(1, new java.awt.BasicStroke(2f));
        XYPlot plot = new XYPlot(c, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, new java.awt.Font("SansSerif", java.awt.Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
