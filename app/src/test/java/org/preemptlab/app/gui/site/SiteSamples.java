package org.preemptlab.app.gui.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.site.Site;

/** The Site of a version-2 teaching sample, read by the model's scenario reader. */
final class SiteSamples {

    private static final Map<String, Site> READ = new ConcurrentHashMap<>();

    private SiteSamples() {}

    /** Read once per test run (a Site is immutable). */
    static Site site(String sample) throws Exception {
        Site s = READ.get(sample);
        if (s == null) {
            s = read(sample);
            READ.put(sample, s);
        }
        return s;
    }

    private static Site read(String sample) throws Exception {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        assertThat(d).as("repository root with sample-clusters/").isNotNull();
        NodeCluster cluster = (NodeCluster) ScenarioReader.read(d.resolve("sample-clusters").resolve(sample)).cluster();
        assertThat(cluster.site()).as(sample + " is a version-2 scenario with a Slurm site").isNotNull();
        return cluster.site();
    }
}
