package org.preemptlab.backend.slurm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code squeue --json} and {@code sinfo --json} in the openapi v0.0.38 shape of Slurm
 * 22.05. Fields that newer Slurm versions wrap in {@code {"set": …, "number": …}} objects are read
 * in both shapes.
 */
public final class SlurmJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Slurm's NO_VAL / INFINITE markers (32-bit). */
    private static final long NO_VAL32 = 0xFFFFFFFEL;

    private SlurmJson() {}

    public static List<SlurmJob> parseQueue(String json) {
        JsonNode root = read(json, "squeue --json");
        checkErrors(root, "squeue --json");
        List<SlurmJob> jobs = new ArrayList<>();
        for (JsonNode j : root.path("jobs")) {
            long limit = number(j.get("time_limit"), -1);
            jobs.add(new SlurmJob(
                    number(j.get("job_id"), 0),
                    j.path("name").asText(""),
                    firstState(j.get("job_state")),
                    j.path("partition").asText(""),
                    HostList.expand(j.path("nodes").asText("")),
                    (int) number(j.get("node_count"), 0),
                    (int) number(j.get("cpus"), 0),
                    limit < 0 || limit >= NO_VAL32 ? -1 : limit,
                    (int) exitStatus(j.get("exit_code")),
                    j.path("state_reason").asText(""),
                    j.path("qos").asText(""),
                    j.path("account").asText(""),
                    j.path("user_name").asText(""),
                    number(j.get("priority"), 0),
                    number(j.get("submit_time"), 0),
                    number(j.get("start_time"), 0),
                    number(j.get("suspend_time"), 0),
                    number(j.get("pre_sus_time"), 0),
                    (int) number(j.get("restart_cnt"), 0),
                    j.path("requeue").asBoolean(true)));
        }
        return jobs;
    }

    public static List<SlurmNode> parseNodes(String json) {
        JsonNode root = read(json, "sinfo --json");
        checkErrors(root, "sinfo --json");
        List<SlurmNode> nodes = new ArrayList<>();
        for (JsonNode n : root.path("nodes")) {
            List<String> partitions = new ArrayList<>();
            for (JsonNode p : n.path("partitions")) partitions.add(p.asText());
            nodes.add(new SlurmNode(n.path("name").asText(), n.path("hostname").asText(""), firstState(n.get("state")),
                    (int) number(n.get("cpus"), 0), number(n.get("real_memory"), 0), partitions));
        }
        return nodes;
    }

    private static JsonNode read(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SlurmCommandException("The output of " + what + " is not JSON: " + e.getOriginalMessage()
                    + "\nMaybe this Slurm is older than 21.08 (no --json).", e);
        }
    }

    private static void checkErrors(JsonNode root, String what) {
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new SlurmCommandException(what + " reported errors: " + errors);
        }
    }

    /** A number, or a v0.0.39+ {"set": true, "number": n} object; {@code missing} if absent or unset. */
    static long number(JsonNode node, long missing) {
        if (node == null || node.isNull() || node.isMissingNode()) return missing;
        if (node.isObject()) {
            if (node.has("set") && !node.path("set").asBoolean()) return missing;
            if (node.path("infinite").asBoolean(false)) return missing;
            return number(node.get("number"), missing);
        }
        if (node.isNumber()) return node.asLong();
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                return missing;
            }
        }
        return missing;
    }

    /** exit_code: a raw wait status (22.05), or {"status": …, "return_code": …, "signal": {...}} later. */
    static long exitStatus(JsonNode node) {
        if (node == null || node.isNull()) return 0;
        if (node.isObject()) {
            long rc = number(node.get("return_code"), 0);
            long sig = number(node.path("signal").get("id"), 0);
            return (rc & 0xff) << 8 | (sig & 0x7f);
        }
        return number(node, 0);
    }

    /** job_state / node state: a string (22.05) or a list of flags (later versions). */
    static String firstState(JsonNode node) {
        if (node == null || node.isNull()) return "";
        if (node.isArray()) return node.isEmpty() ? "" : node.get(0).asText().toUpperCase(java.util.Locale.ROOT);
        return node.asText().toUpperCase(java.util.Locale.ROOT);
    }
}
