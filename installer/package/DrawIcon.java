import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws PreemptLab's application icon at build time (installer/build.sh runs it as a single-file
 * program: {@code java DrawIcon.java OUT.png [SIZE]}): a small Gantt chart on a dark tile — job bars
 * on node rows, one bar cut short by a preemption (red, lost work) and resumed later, and the
 * time cursor. No text, so no fonts are needed on a headless build machine.
 */
public final class DrawIcon {

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java DrawIcon.java OUT.png [SIZE]");
            System.exit(64);
        }
        int size = args.length == 2 ? Integer.parseInt(args[1]) : 256;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x24, 0x3B, 0x55), 0, 256, new Color(0x14, 0x21, 0x30)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 48, 48));

        // four node rows: x, width, colour of each bar
        int[][] rows = {
                {28, 92, 0x4C9BE8, 126, 102, 0x7BC47F},
                {28, 60, 0xF2B447, 94, 40, 0xE8554C, 150, 78, 0xF2B447},
                {28, 130, 0x7BC47F, 164, 64, 0x4C9BE8},
                {60, 70, 0xB084E0, 136, 92, 0x4C9BE8},
        };
        for (int r = 0; r < rows.length; r++) {
            int y = 40 + r * 46;
            for (int i = 0; i < rows[r].length; i += 3) {
                g.setColor(new Color(rows[r][i + 2]));
                g.fill(new RoundRectangle2D.Double(rows[r][i], y, rows[r][i + 1], 32, 10, 10));
            }
        }
        // the time cursor
        g.setColor(new Color(255, 255, 255, 220));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(142, 28, 142, 228);
        g.dispose();
        File out = new File(args[0]);
        if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
        System.out.println("icon: " + out + " (" + size + "x" + size + ")");
    }
}
