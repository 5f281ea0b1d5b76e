package org.preemptlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.preemptlab.io.report.AtomicFiles;

/** Writes a value as indented JSON, atomically. */
final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {}

    static void write(Path out, Object value) throws IOException {
        AtomicFiles.write(out, w -> MAPPER.writeValue(w, value));
    }
}
