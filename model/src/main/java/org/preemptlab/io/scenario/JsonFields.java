package org.preemptlab.io.scenario;

import org.preemptlab.time.Durations;
import org.preemptlab.time.SimTime;
import org.preemptlab.scenario.ScenarioProblem;
import org.preemptlab.scenario.ScenarioRules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The fields of one JSON object of a scenario file, read with its path in mind: every accessor
 * records a {@link ScenarioProblem} naming the field's path and value instead of throwing, and
 * returns {@code null} for a missing required or an invalid value, so that reading goes on and
 * every problem of a file is reported at once. Unknown fields are reported when the object is
 * opened. A JSON {@code null} counts as absent.
 */
public final class JsonFields {

    /** Problems collected while reading one file, in the order found. */
    public static final class Problems {
        private final List<ScenarioProblem> list = new ArrayList<>();

        public void add(String path, String message) {
            list.add(new ScenarioProblem(path, message));
        }

        public int count() {
            return list.size();
        }

        public List<ScenarioProblem> list() {
            return List.copyOf(list);
        }
    }

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private JsonFields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Opens an object, reporting each field not in {@code allowed} (with a "did you mean").
     *
     * @return null (and a problem recorded) when the node is not an object
     */
    public static JsonFields open(JsonNode node, String path, Problems problems, List<String> allowed) {
        if (!node.isObject()) {
            problems.add(path, show(node) + "; must be an object {…}");
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String guess = suggest(key, allowed);
                problems.add(child(path, key), "unknown field; " + (guess != null ? "did you mean \"" + guess + "\"?"
                        : "the fields here are " + String.join(", ", allowed)));
            }
        }
        return new JsonFields(node, path, problems);
    }

    /** Where a JSON syntax error is, as {@code :LINE:COL} to append to the file name, or "" when Jackson does not know. */
    public static String syntaxLocation(com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr());
    }

    /**
     * A JSON syntax error in words, without the parser's internals (source descriptions, feature and
     * class names): {@code unexpected end of file, an object {…} is not closed}.
     */
    public static String syntaxError(com.fasterxml.jackson.core.JsonProcessingException e) {
        return plainSyntaxMessage(e.getOriginalMessage());
    }

    static String plainSyntaxMessage(String m) {
        if (m == null || m.isBlank()) return "not valid JSON";
        String s = m.replace('\n', ' ').strip();
        int source = s.indexOf("[Source:");
        if (source >= 0) {
            int open = s.lastIndexOf('(', source);
            s = s.substring(0, open >= 0 ? open : source).strip();
        }
        if (s.startsWith("Unexpected end-of-input")) {
            String rest = s.substring("Unexpected end-of-input".length());
            String what = rest.contains("Object") ? "an object {…} is not closed"
                    : rest.contains("Array") ? "a list […] is not closed"
                    : rest.contains("quote") || rest.contains("String") ? "a string \"… is not closed"
                    : rest.contains("field name") ? "a field name is cut off"
                    : "the JSON is cut off";
            return "unexpected end of file, " + what;
        }
        if (s.startsWith("Non-standard token")) {
            int q1 = s.indexOf('\'');
            int q2 = q1 < 0 ? -1 : s.indexOf('\'', q1 + 1);
            String token = q2 > q1 ? s.substring(q1 + 1, q2) : "the token";
            return token + " is not a JSON value; write a number (or a string)";
        }
        if (s.startsWith("Trailing token")) return "more text after the end of the top-level value";
        if (s.startsWith("No content to map")) return "empty file";
        // the parser's limits ("document nesting depth (1001) exceeds the maximum allowed (1000, from
        // `StreamReadConstraints.getMaxNestingDepth()`)"): the numbers, not the method (cut to "(1000, from" before)
        s = s.replaceAll(",\\s*from\\s*`[^`]*`\\s*\\)", ")");
        int tick = s.indexOf('`');
        if (tick >= 0) {
            int cut = s.lastIndexOf(':', tick);
            s = s.substring(0, cut > 0 ? cut : tick).strip();
        }
        if (s.isEmpty()) return "not valid JSON";
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** A value as it appears in the file, shortened: {@code -2}, {@code "2h"}, {@code [1, 2]}, {@code {…}}. */
    public static String show(JsonNode value) {
        if (value == null || value.isMissingNode()) return "missing";
        String text = value.toString();
        if (value.isContainerNode()) {
            text = text.replace(",", ", ").replace(":", ": ");
            if (text.length() > 40) return value.isArray() ? "[…]" : "{…}";
        }
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }

    public String path() {
        return path;
    }

    public String at(String key) {
        return child(path, key);
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The raw value, or null when absent. */
    public JsonNode get(String key) {
        return has(key) ? node.get(key) : null;
    }

    public void problem(String key, String message) {
        problems.add(at(key), show(get(key)) + "; " + message);
    }

    private boolean absent(String key, boolean required) {
        if (has(key)) return false;
        if (required) problems.add(at(key), "missing; required");
        return true;
    }

    /** A string; {@code def} when absent (null def: required). Blank strings are refused when {@code nonBlank}. */
    public String string(String key, String def, boolean nonBlank) {
        if (absent(key, def == null)) return def;
        JsonNode v = get(key);
        if (!v.isTextual()) {
            problem(key, "must be a string \"…\"");
            return null;
        }
        if (nonBlank && v.asText().isBlank()) {
            problem(key, "must not be empty");
            return null;
        }
        return v.asText();
    }

    /** A whole number in [min, max]; {@code def} when absent (null def: required). */
    public Long integer(String key, Long def, long min, long max) {
        if (absent(key, def == null)) return def;
        return integerValue(get(key), at(key), min, max, problems);
    }

    public static Long integerValue(JsonNode v, String path, long min, long max, Problems problems) {
        if (!v.isIntegralNumber() && !(v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble())
                && Math.abs(v.asDouble()) < 1e15)) {
            problems.add(path, show(v) + "; must be a whole number");
            return null;
        }
        if (!v.canConvertToLong()) {
            problems.add(path, show(v) + "; must be " + (v.asDouble() < 0 ? "≥ " + min : "≤ " + max));
            return null;
        }
        long n = v.asLong();
        if (n < min) {
            problems.add(path, show(v) + "; must be ≥ " + min);
            return null;
        }
        if (n > max) {
            problems.add(path, show(v) + "; must be ≤ " + max);
            return null;
        }
        return n;
    }

    /** A number &gt; 0; {@code def} when absent. */
    public Double positive(String key, Double def) {
        if (absent(key, def == null)) return def;
        JsonNode v = get(key);
        if (!v.isNumber()) {
            problem(key, "must be a number");
            return null;
        }
        double d = v.asDouble();
        if (!(d > 0) || Double.isInfinite(d)) {
            problem(key, "must be > 0");
            return null;
        }
        return d;
    }

    /** Any number; {@code def} when absent (null: required). */
    public Double number(String key, Double def) {
        if (absent(key, def == null)) return def;
        JsonNode v = get(key);
        if (!v.isNumber()) {
            problem(key, "must be a number");
            return null;
        }
        return v.asDouble();
    }

    /** A number in (0, 1]; {@code def} when absent. */
    public Double fraction(String key, double def) {
        if (absent(key, false)) return def;
        JsonNode v = get(key);
        if (!v.isNumber()) {
            problem(key, "must be a number");
            return null;
        }
        double d = v.asDouble();
        if (!(d > 0 && d <= 1)) {
            problem(key, "must be > 0 and ≤ 1");
            return null;
        }
        return d;
    }

    public Boolean bool(String key, boolean def) {
        if (absent(key, false)) return def;
        JsonNode v = get(key);
        if (!v.isBoolean()) {
            problem(key, "must be true or false");
            return null;
        }
        return v.asBoolean();
    }

    /** A duration or time ({@link Durations}) of at least {@code min} seconds; {@code def} when absent (null: required). */
    public Long duration(String key, Long def, long min) {
        if (absent(key, def == null)) return def;
        return durationValue(get(key), at(key), min, problems);
    }

    public static Long durationValue(JsonNode v, String path, long min, Problems problems) {
        long seconds;
        if (v.isTextual()) {
            try {
                seconds = Durations.parse(v.asText());
            } catch (IllegalArgumentException | ArithmeticException e) {
                problems.add(path, show(v) + "; not a duration: " + Durations.FORMS);
                return null;
            }
        } else if (v.isNumber()) {
            Long n = integerValue(v, path, Long.MIN_VALUE, Long.MAX_VALUE, problems);
            if (n == null) return null;
            seconds = n;
        } else {
            problems.add(path, show(v) + "; not a duration: " + Durations.FORMS);
            return null;
        }
        if (seconds < min) {
            problems.add(path, show(v) + "; must be ≥ " + (min == 0 ? "0" : Durations.format(min)));
            return null;
        }
        if (seconds > SimTime.MAX_SECONDS || seconds < -SimTime.MAX_SECONDS) {
            problems.add(path, show(v) + "; must be at most " + SimTime.MAX_SECONDS_TEXT + " (" + SimTime.MAX_SECONDS
                    + " s) " + (seconds < 0 ? "before" : "from") + " 0");
            return null;
        }
        return seconds;
    }

    /** One of {@code allowed} (by exact text); {@code def} when absent (null: required). */
    public String choice(String key, String def, List<String> allowed, String what) {
        String s = string(key, def, false);
        if (s == null || allowed.contains(s)) return s;
        problem(key, notOneOf(s, allowed, what));
        return null;
    }

    public static String notOneOf(String value, List<String> allowed, String what) {
        return ScenarioRules.notOneOf(value, allowed, what);
    }

    /** A list of strings; {@code def} when absent. */
    public List<String> strings(String key, List<String> def) {
        if (absent(key, def == null)) return def;
        JsonNode v = get(key);
        if (!v.isArray()) {
            problem(key, "must be a list [\"…\", …]");
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                problems.add(element(at(key), i), show(e) + "; must be a string \"…\"");
                ok = false;
            } else {
                out.add(e.asText());
            }
        }
        return ok ? out : null;
    }

    /** The closest candidate by edit distance (case-insensitive), if close enough to be a likely typo. */
    public static String suggest(String word, Collection<String> candidates) {
        return ScenarioRules.suggest(word, candidates);
    }
}
