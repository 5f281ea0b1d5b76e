package org.preemptlab.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How result rows are written, one per line: CSV (a header line, then one row per line; fields
 * with a comma, quote or line break are quoted, quotes doubled) or JSON lines (one object per
 * line, keys = {@link SweepRow#COLUMNS}, no header).
 */
public enum RowFormat {
    CSV,
    JSON_LINES;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The first line of a file, or null when the format has none. */
    public String header() {
        return this == CSV ? String.join(",", SweepRow.COLUMNS) : null;
    }

    /** One row as one line, without the line break. */
    public String format(SweepRow row) {
        if (this == CSV) {
            List<String> out = new ArrayList<>();
            for (String c : row.cells()) out.add(quote(c));
            return String.join(",", out);
        }
        ObjectNode o = MAPPER.createObjectNode();
        List<Object> values = row.values();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            String k = SweepRow.COLUMNS.get(i);
            if (v instanceof Integer n) o.put(k, n);
            else if (v instanceof Long n) o.put(k, n);
            else if (v instanceof Double d) o.put(k, d);
            else o.put(k, (String) v);
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one line back.
     *
     * @throws IllegalArgumentException saying what is wrong (a column, the JSON)
     */
    public SweepRow parse(String line) {
        if (this == CSV) return SweepRow.fromCells(split(line));
        JsonNode o;
        try {
            o = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) throw new IllegalArgumentException("not a JSON object {…}");
        List<String> cells = new ArrayList<>();
        for (String k : SweepRow.COLUMNS) {
            JsonNode v = o.get(k);
            if (v == null || v.isNull() || v.isContainerNode()) throw new IllegalArgumentException("\"" + k + "\" is missing");
            cells.add(v.asText());
        }
        return SweepRow.fromCells(cells);
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return cell;
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) throw new IllegalArgumentException("a quoted field is not closed");
        out.add(cell.toString());
        return out;
    }
}
