package org.preemptlab.slurmconf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code gres.conf} as Slurm does: {@code [NodeName=HOSTS] Name=gpu [Type=a100]
 * [File=/dev/nvidia[0-3]] [Count=N]} lines and {@code AutoDetect} (alone on a line: for every node;
 * with {@code NodeName}: for those nodes). {@code Count} defaults to the number of {@code File}
 * names, else 1, and takes {@code K M G T P}. {@code Cores}, {@code Links}, {@code Flags} and
 * {@code MultipleFiles} are reported as ignored.
 */
public final class GresConfParser {

    private static final Set<String> KEYS = Set.of("nodename", "name", "type", "count", "file", "autodetect");

    private GresConfParser() {}

    public static GresConf read(Path file, ImportReport report) {
        String shown = file.getFileName().toString();
        return parse(ConfText.read(file, shown), shown, report);
    }

    /** @throws SlurmConfException listing every problem with {@code file:line} */
    public static GresConf parse(String text, String shownAs, ImportReport report) {
        List<String> problems = new ArrayList<>();
        List<GresConf.Line> lines = new ArrayList<>();
        Optional<String> globalAuto = Optional.empty();
        for (SourceLine line : ConfText.logicalLines(text, shownAs)) {
            try {
                if (line.text().regionMatches(true, 0, "include", 0, 7)) {
                    report.ignore(line, "Include", line.text().substring(7).strip(), "includes in gres.conf are not followed; import that file too");
                    continue;
                }
                Map<String, KeyValue> kv = new LinkedHashMap<>();
                for (KeyValue p : KeyValue.parse(line)) {
                    if (kv.put(p.lowerKey(), p) != null) report.warn(line, p.key() + " given twice on the line; the later value is used");
                }
                String owner = kv.containsKey("nodename") ? "NodeName=" + kv.get("nodename").value() + " " : "";
                for (KeyValue p : kv.values()) {
                    if (!KEYS.contains(p.lowerKey())) report.ignore(line, owner + p.key(), p.value());
                }
                Optional<String> auto = Optional.ofNullable(kv.get("autodetect")).map(p -> p.value().toLowerCase(Locale.ROOT));
                if (!kv.containsKey("name")) {
                    if (auto.isEmpty()) {
                        problems.add(line.where() + ": " + owner + "no Name= (every GRES line needs one)");
                    } else if (!kv.containsKey("nodename")) {
                        globalAuto = auto;
                    } else {
                        lines.add(new GresConf.Line(nodes(kv.get("nodename"), line), "", "", 0, List.of(), auto, line.where()));
                    }
                    continue;
                }
                String name = kv.get("name").value();
                String type = kv.containsKey("type") ? kv.get("type").value() : "";
                List<String> files = List.of();
                if (kv.containsKey("file")) {
                    try {
                        files = HostList.expand(kv.get("file").value());
                    } catch (IllegalArgumentException e) {
                        problems.add(line.where() + ": " + owner + "File=" + kv.get("file").value() + ": "
                                + SlurmConfParser.hostListProblem(e, kv.get("file").value()));
                        continue;
                    }
                }
                long count = files.isEmpty() ? 1 : files.size();
                if (kv.containsKey("count")) {
                    String c = kv.get("count").value();
                    try {
                        count = GresSpec.count("Count=" + c, c);
                    } catch (IllegalArgumentException e) {
                        problems.add(line.where() + ": " + owner + "Name=" + name + " Count=" + c + ": not a whole number (with an optional K, M, G, T or P)");
                        continue;
                    }
                    boolean sharing = name.equalsIgnoreCase("mps") || name.equalsIgnoreCase("shard");
                    if (!files.isEmpty() && count != files.size() && !sharing) {
                        report.warn(line, owner + "Name=" + name + ": Count=" + c + " but " + files.size()
                                + " File name(s); Slurm requires them to match (Count is used)");
                    }
                }
                lines.add(new GresConf.Line(nodes(kv.get("nodename"), line), name, type, count, files, auto, line.where()));
            } catch (SlurmConfException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new SlurmConfException(problems);
        return new GresConf(lines, globalAuto);
    }

    private static List<String> nodes(KeyValue kv, SourceLine line) {
        if (kv == null) return List.of();
        try {
            return HostList.expand(kv.value());
        } catch (IllegalArgumentException e) {
            throw new SlurmConfException(line.where() + ": NodeName=" + kv.value() + ": " + SlurmConfParser.hostListProblem(e, kv.value()));
        }
    }
}
