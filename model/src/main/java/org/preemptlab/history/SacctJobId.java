package org.preemptlab.history;

/**
 * sacct's JobID column: {@code 123} (a job), {@code 123_4} (task 4 of array 123),
 * {@code 123_[5-9%2]} (array tasks not yet split off: they never started), {@code 123+1}
 * (component 1 of heterogeneous job 123), {@code 123.batch} / {@code 123.0} (a step, only without
 * {@code -X}).
 *
 * @param text      the column as written
 * @param base      the job (or array, or het job) number
 * @param arrayTask the array task, or -1
 * @param pendingArrayTasks true for the {@code 123_[…]} form
 * @param hetOffset the het component, or -1
 * @param step      the step name after the dot, or null
 */
public record SacctJobId(String text, long base, long arrayTask, boolean pendingArrayTasks, int hetOffset, String step) {

    /** @throws IllegalArgumentException saying what is wrong */
    public static SacctJobId parse(String text) {
        String s = text.strip();
        String step = null;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            step = s.substring(dot + 1);
            if (step.isEmpty()) throw new IllegalArgumentException("empty step after '.'");
            s = s.substring(0, dot);
        }
        long arrayTask = -1;
        boolean pending = false;
        int het = -1;
        int us = s.indexOf('_');
        int plus = s.indexOf('+');
        String base = s;
        if (us >= 0) {
            base = s.substring(0, us);
            String task = s.substring(us + 1);
            if (task.startsWith("[") && task.endsWith("]") && task.length() > 2) {
                if (!task.substring(1, task.length() - 1).matches("[0-9,%\\-]+")) throw new IllegalArgumentException("array tasks \"" + task + "\" are not [ranges]");
                pending = true;
            } else {
                arrayTask = number(task, "array task");
            }
        } else if (plus >= 0) {
            base = s.substring(0, plus);
            long h = number(s.substring(plus + 1), "het component");
            if (h > Integer.MAX_VALUE) throw new IllegalArgumentException("het component too large");
            het = (int) h;
        }
        return new SacctJobId(text.strip(), number(base, "job number"), arrayTask, pending, het, step);
    }

    private static long number(String s, String what) {
        boolean digits = !s.isEmpty() && s.length() <= 18;
        long v = 0;
        for (int i = 0; i < s.length() && digits; i++) { // a loop, not a stream: a row's first look-up, mostly interpreted
            char c = s.charAt(i);
            digits = c >= '0' && c <= '9';
            v = v * 10 + (c - '0');
        }
        if (!digits) throw new IllegalArgumentException(what + " \"" + s + "\" is not a whole number");
        return v;
    }

    /** The array suffix ({@code _4}, {@code _[5-9]}) or the het suffix ({@code +1}), or "". */
    public String suffix() {
        if (arrayTask >= 0) return "_" + arrayTask;
        if (hetOffset >= 0) return "+" + hetOffset;
        if (pendingArrayTasks) return text.substring(text.indexOf('_'), text.indexOf('.') >= 0 ? text.indexOf('.') : text.length());
        return "";
    }
}
