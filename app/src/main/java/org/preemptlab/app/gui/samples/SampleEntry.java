package org.preemptlab.app.gui.samples;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One sample scenario as the start page lists it.
 *
 * @param fileName    the file's name, e.g. {@code easy-vs-conservative.json}
 * @param title       the scenario's {@code name}
 * @param description what it teaches (its {@code description}, lines joined with newlines), or empty
 * @param file        where it is opened from
 * @param problem     why it cannot be read (it is listed anyway, without an Open that works), or null
 */
public record SampleEntry(String fileName, String title, String description, Path file, String problem) {

    public SampleEntry {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(file, "file");
        title = title == null || title.isBlank() ? fileName : title;
        description = description == null ? "" : description;
    }

    /**
     * The description for a wrapping text area: the file's lines joined into paragraphs (an empty
     * line ends a paragraph; a line starting with "- " starts a list item on a new line).
     */
    public String flowingDescription() {
        StringBuilder out = new StringBuilder();
        boolean lineStart = true;
        for (String line : description.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                if (out.length() > 0) out.append("\n\n");
                lineStart = true;
                continue;
            }
            if (!lineStart) out.append(t.startsWith("- ") ? "\n" : " ");
            out.append(t);
            lineStart = false;
        }
        return out.toString().strip();
    }

    public boolean readable() {
        return problem == null;
    }
}
