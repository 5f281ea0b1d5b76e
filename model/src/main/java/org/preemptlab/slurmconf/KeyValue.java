package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Key=Value} of a line, as Slurm's parser finds them: the key is letters, digits,
 * {@code _} and {@code .}; blanks may surround {@code =}; the value is either in double quotes
 * (and may then hold blanks) or runs to the next blank. {@code Key+=Value} and the other operators
 * Slurm accepts ({@code -= *= /=}) keep their operator in {@link #operator()}.
 *
 * @param key the key as written
 * @param operator {@code ""} for {@code =}, else {@code + - * /}
 * @param value the value without quotes
 */
record KeyValue(String key, String operator, String value) {

    private static final Pattern PAIR = Pattern.compile(
            "\\s*([A-Za-z0-9_.]+)\\s*([-*+/]?)=\\s*(?:\"([^\"]*)\"|(\\S+))(?=\\s|$)");

    String lowerKey() {
        return key.toLowerCase(Locale.ROOT);
    }

    /** The pair as written back ({@code Key=Value}), quoting a value that holds blanks. */
    String written() {
        String v = value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? "\"" + value + "\"" : value;
        return key + operator + "=" + v;
    }

    /**
     * Every pair of the line, in order.
     *
     * @throws SlurmConfException naming the line when part of it is not {@code Key=Value}
     */
    static List<KeyValue> parse(SourceLine line) {
        List<KeyValue> pairs = new ArrayList<>();
        String text = line.text();
        Matcher m = PAIR.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) break;
            m.region(at, text.length());
            if (!m.lookingAt()) {
                String rest = text.substring(at).strip();
                String word = rest.split("\\s+", 2)[0];
                throw new SlurmConfException(line.where() + ": " + word + ": not Key=Value (a value with blanks needs double quotes)");
            }
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            pairs.add(new KeyValue(m.group(1), m.group(2), value));
            at = m.end();
        }
        return pairs;
    }
}
