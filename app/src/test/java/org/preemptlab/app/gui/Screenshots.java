package org.preemptlab.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes PNG snapshots of the UI to the repository's {@code docs/screenshots}. */
public final class Screenshots {

    private Screenshots() {}

    /** {@code docs/screenshots} of the repository (tests run in {@code app/}). */
    public static Path dir() {
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = Files.exists(cwd.resolve("app").resolve("pom.xml")) ? cwd : cwd.getParent();
        return root.resolve("docs").resolve("screenshots");
    }

    public static Path write(Node node, String name) {
        WritableImage image = Fx.call(() -> node.snapshot(null, null));
        try {
            Path dir = dir();
            Files.createDirectories(dir);
            Path out = dir.resolve(name);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
