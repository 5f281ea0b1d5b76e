package org.preemptlab.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chart PNGs go through the model's atomic writer: a whole file or the old one, no temporary left. */
class ImageExportTest {

    @TempDir
    Path dir;

    private static JFreeChart chart() {
        XYSeries s = new XYSeries("queue");
        s.add(0, 1);
        s.add(10, 3);
        return ChartFactory.createXYLineChart("Queue", "t", "jobs", new XYSeriesCollection(s));
    }

    @Test
    void a_chart_is_written_as_a_whole_png() throws IOException {
        Path out = dir.resolve("sub/queue.png");
        ImageExport.png(chart(), out, 320, 200);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void a_chart_is_written_as_a_whole_svg_with_its_title_as_text() throws IOException {
        Path out = dir.resolve("sub/queue.svg");
        ImageExport.svg(chart(), out, 320, 200);
        String svg = Files.readString(out).strip();
        assertThat(svg).satisfiesAnyOf(t -> assertThat(t).startsWith("<svg"), t -> assertThat(t).startsWith("<?xml"));
        assertThat(svg).contains("<svg").contains(">Queue<").endsWith("</svg>");
        assertThat(svg).as("the rotated range-axis label stays text").contains(">jobs<").contains("matrix(0.0,-1.0,1.0,0.0");
        assertThat(rootElement(out)).as("well-formed XML with an svg root").isEqualTo("svg");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
        assertThatThrownBy(() -> ImageExport.svg(chart(), dir.resolve("bad.svg"), 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("bad.svg")).doesNotExist();
    }

    private static String rootElement(Path xml) throws IOException {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(xml.toFile()).getDocumentElement().getTagName();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError(xml + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    @Test
    void a_failed_export_keeps_the_old_file() throws IOException {
        Path out = dir.resolve("queue.png");
        Files.writeString(out, "old");
        assertThatThrownBy(() -> ImageExport.png(chart(), out, 0, 0)).isInstanceOf(RuntimeException.class);
        assertThat(Files.readString(out)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }
}
