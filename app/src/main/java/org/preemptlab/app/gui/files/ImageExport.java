package org.preemptlab.app.gui.files;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.preemptlab.io.report.AtomicFiles;

/** PNG exports: any node (snapshot → SwingFXUtils → ImageIO) and JFreeChart charts; written atomically. */
public final class ImageExport {

    private ImageExport() {}

    /** Must be called on the FX thread (it takes a snapshot). */
    public static void png(Node node, Path out) throws IOException {
        WritableImage image = node.snapshot(null, null);
        var buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.writeBytes(out, stream -> {
            if (!ImageIO.write(buffered, "png", stream)) throw new IOException("no PNG writer available");
        });
    }

    public static void png(JFreeChart chart, Path out, int width, int height) throws IOException {
        AtomicFiles.writeBytes(out, stream -> ChartUtils.writeChartAsPNG(stream, chart, width, height));
    }
}
