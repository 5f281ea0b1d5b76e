package org.preemptlab.app.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.time.Durations;
import org.preemptlab.time.SimTime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The kinds of option value the commands take, each checked once, where picocli converts it: a bad
 * value stops the command before anything is read or run, with the option, the value and the rule
 * ({@code Invalid value for option '--threads': 0; must be ≥ 1}). Use them with
 * {@code @Option(converter = OptionValues.Seconds.class)}; the limits are documented in docs/cli.md.
 */
final class OptionValues {

    private OptionValues() {}

    /** Seconds ≥ 0, as a whole number or a duration ({@code 90}, {@code 15m}, {@code 1h30m}), at most {@link SimTime#MAX_SECONDS}. */
    static final class Seconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String t = value.strip();
            if (t.startsWith("-")) throw new TypeConversionException(value + "; must be ≥ 0");
            long s;
            try {
                s = Durations.parse(t);
            } catch (IllegalArgumentException e) {
                if ("too large".equals(e.getMessage())) throw tooLarge(value);
                throw new TypeConversionException(value + "; not a duration: " + Durations.FORMS);
            }
            if (s > SimTime.MAX_SECONDS) throw tooLarge(value);
            return s;
        }

        private static TypeConversionException tooLarge(String value) {
            return new TypeConversionException(value + "; must be ≤ " + SimTime.MAX_SECONDS + " s ("
                    + SimTime.MAX_SECONDS_TEXT + ")");
        }
    }

    /** A count ≥ 1 that fits an int (threads). */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 1, Integer.MAX_VALUE);
        }
    }

    /** An index ≥ 0 (a variant id). */
    static final class Index implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 0, Integer.MAX_VALUE);
        }
    }

    /** A machine size in processors: 1 to {@link Cluster#MAX_NODES}. */
    static final class Processors implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 1, Cluster.MAX_NODES);
        }
    }

    /** A number in (0, 1]. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d;
            try {
                d = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException(value + "; must be a number > 0 and ≤ 1");
            }
            if (!(d > 0 && d <= 1)) throw new TypeConversionException(value + "; must be > 0 and ≤ 1");
            return d;
        }
    }

    /**
     * A file to write: not a directory, and its folder is a directory or can be made (a missing folder
     * is created when the file is written; one whose path runs through a file cannot be).
     */
    static final class OutputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p;
            try {
                p = Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException(value + "; not a valid path (" + e.getReason() + ")");
            }
            if (value.isBlank()) throw new TypeConversionException("\"" + value + "\"; give a file name");
            if (Files.isDirectory(p)) throw new TypeConversionException(value + ": is a directory; give a file name in it");
            for (Path up = p.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
                if (Files.isDirectory(up)) break;
                if (Files.exists(up)) {
                    throw new TypeConversionException(value + ": " + up + " is not a directory (it is a file)");
                }
            }
            return p;
        }
    }

    static int whole(String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            boolean digits = value.strip().matches("[-+]?\\d+");
            throw new TypeConversionException(value + (digits ? "; must be " + (value.strip().startsWith("-") ? "≥ " + min
                    : "≤ " + max) : "; must be a whole number"));
        }
        if (n < min) throw new TypeConversionException(value + "; must be ≥ " + min);
        if (n > max) throw new TypeConversionException(value + "; must be ≤ " + max);
        return (int) n;
    }
}
