package org.preemptlab.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes PNG snapshots of the UI. By default to {@code target/screenshots} of the module, so a test
 * run never changes a tracked file; with {@code -D}{@value #UPDATE_PROPERTY}{@code =true} (passed
 * through by surefire) to the repository's {@code docs/screenshots}, refreshing the documentation.
 */
public final class Screenshots {

    /** System property that makes the tests refresh {@code docs/screenshots}. */
    public static final String UPDATE_PROPERTY = "screenshots.update";

    private Screenshots() {}

    /** Whether this run refreshes the documentation's screenshots. */
    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false").strip());
    }

    /** {@code docs/screenshots} of the repository when {@linkplain #updating() updating}, else {@code target/screenshots}. */
    public static Path dir() {
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        boolean atRoot = Files.exists(cwd.resolve("app").resolve("pom.xml"));
        if (updating()) {
            Path root = atRoot ? cwd : cwd.getParent();
            return root.resolve("docs").resolve("screenshots");
        }
        Path module = atRoot ? cwd.resolve("app") : cwd; // tests run in app/
        return module.resolve("target").resolve("screenshots");
    }

    /**
     * Snapshots {@code node} into {@code name} under {@link #dir()} and returns the file.
     *
     * @throws IllegalStateException if the snapshot is empty or of a single colour (nothing was drawn)
     */
    public static Path write(Node node, String name) {
        WritableImage image = Fx.call(() -> node.snapshot(null, null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (buffered.getWidth() == 0 || buffered.getHeight() == 0 || singleColour(buffered)) {
            throw new IllegalStateException("empty snapshot for " + name + ": " + buffered.getWidth() + "×" + buffered.getHeight());
        }
        try {
            Path dir = dir();
            Files.createDirectories(dir);
            Path out = dir.resolve(name);
            if (!ImageIO.write(buffered, "png", out.toFile())) throw new IOException("no PNG writer");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean singleColour(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != first) return false;
            }
        }
        return true;
    }
}
