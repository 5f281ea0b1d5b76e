package org.preemptlab.app.gui.files;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.preemptlab.app.chart.PngImages;
import org.preemptlab.io.files.AtomicFiles;

/**
 * PNG exports (any node: snapshot → SwingFXUtils → PNG in memory; JFreeChart charts) and SVG exports of
 * JFreeChart charts (JFreeSVG); written atomically.
 */
public final class ImageExport {

    private ImageExport() {}

    /** Must be called on the FX thread (it takes a snapshot). */
    public static void png(Node node, Path out) throws IOException {
        WritableImage image = node.snapshot(null, null);
        var buffered = SwingFXUtils.fromFXImage(image, null);
        byte[] png = PngImages.of(buffered);
        AtomicFiles.writeBytes(out, stream -> stream.write(png));
    }

    public static void png(JFreeChart chart, Path out, int width, int height) throws IOException {
        byte[] png = PngImages.of(chart, width, height);
        AtomicFiles.writeBytes(out, stream -> stream.write(png));
    }

    /** The chart drawn as an SVG document of {@code width} × {@code height} (text kept as text). */
    public static void svg(JFreeChart chart, Path out, int width, int height) throws IOException {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("An SVG needs a size > 0, not " + width + " × " + height + ".");
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // JFreeChart draws rotated text (the range axis label) through a TextLayout by default, which
        // an SVG would get as glyph outlines; plain drawString under a rotation keeps it as text
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
        String document = g2.getSVGDocument();
        AtomicFiles.write(out, w -> w.write(document));
    }
}
