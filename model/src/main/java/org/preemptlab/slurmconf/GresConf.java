package org.preemptlab.slurmconf;

import java.util.List;
import java.util.Optional;

/**
 * What a {@code gres.conf} says: its GRES lines and its global {@code AutoDetect}. Read with
 * {@link GresConfParser}.
 */
public record GresConf(List<Line> lines, Optional<String> autoDetect) {

    public GresConf {
        lines = List.copyOf(lines);
    }

    /**
     * One GRES line.
     *
     * @param nodes the {@code NodeName} host list expanded; empty: the line is for every node
     * @param type {@code Type}, {@code ""} when untyped
     * @param count {@code Count}, or the number of {@code File} names, or 1
     * @param files the {@code File} names, expanded ({@code /dev/nvidia[0-3]} is four)
     * @param autoDetect the line's {@code AutoDetect}, if any
     */
    public record Line(List<String> nodes, String name, String type, long count, List<String> files, Optional<String> autoDetect,
                       String where) {
        public Line {
            nodes = List.copyOf(nodes);
            files = List.copyOf(files);
        }

        public boolean appliesTo(String node) {
            return nodes.isEmpty() || nodes.contains(node);
        }
    }

    /** The GRES lines of {@code name} (e.g. {@code gpu}) that apply to the node. */
    public List<Line> linesFor(String node, String name) {
        return lines.stream().filter(l -> l.name().equalsIgnoreCase(name) && l.appliesTo(node)).toList();
    }
}
