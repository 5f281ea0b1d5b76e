package org.preemptlab.io.scenario;

import org.preemptlab.scenario.ScenarioProblem;

import org.preemptlab.scenario.ScenarioException;

import org.preemptlab.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Helpers for the scenario tests: a small valid scenario to vary, and reading text. */
final class ScenarioTestSupport {

    private ScenarioTestSupport() {
    }

    /** A valid two-pool scenario; {@code extra} is spliced in as further top-level fields (with a leading comma). */
    static String pools(String jobs, String extra) {
        return """
                {
                  "formatVersion": 1,
                  "name": "t",
                  "cluster": {"pools": [
                    {"name": "public", "nodes": 2, "coresPerNode": 8, "memoryPerNodeMb": 65536},
                    {"name": "private", "nodes": 4, "coresPerNode": 8, "owner": "lab", "borrowers": ["preempt"]}
                  ]},
                  "policy": {"scheduler": "easy"},
                  "jobs": [%s]%s
                }
                """.formatted(jobs, extra);
    }

    static final String ONE_JOB = "{\"name\": \"A\", \"submit\": 0, \"nodes\": 1, \"estimate\": \"1h\", \"runtime\": 600}";

    static Scenario read(String json) throws ScenarioException {
        return ScenarioReader.read(json, "t.json", Path.of("."));
    }

    /** The problems of an invalid scenario, each as {@code path: message}. */
    static List<String> problems(String json) {
        try {
            read(json);
        } catch (ScenarioException e) {
            return e.problems().stream().map(ScenarioProblem::toString).toList();
        }
        throw new AssertionError("expected problems in:\n" + json);
    }

    static void assertFails(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(ScenarioException.class);
    }

    /** A fixture from {@code src/test/resources/scenario/}. */
    static Path fixture(String name) {
        URL url = ScenarioTestSupport.class.getResource("/scenario/" + name);
        if (url == null) throw new IllegalArgumentException("no test fixture scenario/" + name);
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository root: the first directory up from the working directory that holds {@code sample-clusters}. */
    static Path repoRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-clusters"))) return dir;
        }
        throw new IllegalStateException("no sample-clusters directory above " + Paths.get("").toAbsolutePath());
    }
}
