package org.preemptlab.slurmconf;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The teaching site of the tests (model/src/test/resources/slurmconf/site, copied to sample-clusters/slurm-site). */
final class SiteFixture {

    private SiteFixture() {}

    static Path dir() {
        try {
            return Path.of(SiteFixture.class.getResource("/slurmconf/site/slurm.conf").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SlurmSite read() {
        Path d = dir();
        return SlurmSite.read(new SlurmSite.Files(d.resolve("slurm.conf"), d.resolve("gres.conf"), d.resolve("tundra.cfg"), d.resolve("qos.txt")));
    }
}
