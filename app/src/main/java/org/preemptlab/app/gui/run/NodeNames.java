package org.preemptlab.app.gui.run;

import java.util.Arrays;
import org.preemptlab.cluster.Cluster;

/** Writes node sets compactly: {@code public-1…4, private-2}. */
public final class NodeNames {

    private NodeNames() {}

    public static String format(int[] nodes, Cluster cluster) {
        if (nodes == null || nodes.length == 0) return "";
        int[] sorted = nodes.clone();
        Arrays.sort(sorted);
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1 && samePrefix(cluster, sorted[i], sorted[j + 1])) j++;
            if (sb.length() > 0) sb.append(", ");
            if (++shown > 12) {
                sb.append("… (").append(sorted.length).append(" in all)");
                break;
            }
            String first = cluster.nodeName(sorted[i]);
            sb.append(first);
            if (j > i) sb.append('…').append(suffix(cluster.nodeName(sorted[j])));
            i = j + 1;
        }
        return sb.toString();
    }

    private static boolean samePrefix(Cluster cluster, int a, int b) {
        return prefix(cluster.nodeName(a)).equals(prefix(cluster.nodeName(b)));
    }

    private static String prefix(String name) {
        int k = name.length();
        while (k > 0 && Character.isDigit(name.charAt(k - 1))) k--;
        return name.substring(0, k);
    }

    private static String suffix(String name) {
        return name.substring(prefix(name).length());
    }
}
