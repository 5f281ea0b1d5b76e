package org.preemptlab.app.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * PNG encoding in memory. ImageIO's default writes through a cache file in the temporary directory
 * and reports a failure there as "I/O error writing PNG file!" (and, at exit, a NullPointerException
 * in its "StreamCloser" thread); encoded to bytes, the only I/O is the write of the finished bytes,
 * whose errors name the file (see {@link org.preemptlab.io.files.AtomicFiles}).
 */
public final class PngImages {

    private PngImages() {}

    /** The chart drawn at {@code width} × {@code height}, as PNG bytes. */
    public static byte[] of(JFreeChart chart, int width, int height) throws IOException {
        return of(chart.createBufferedImage(width, height));
    }

    /** The image as PNG bytes. */
    public static byte[] of(BufferedImage image) throws IOException {
        ImageIO.setUseCache(false); // no cache file: memory only
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        if (!ImageIO.write(image, "png", bytes)) throw new IOException("no PNG writer available");
        return bytes.toByteArray();
    }
}
