package org.preemptlab.cluster;


/** A machine of {@code procs} identical processors, allocated by count (the SWF model). */
public record ProcessorMachine(int procs) implements Cluster {

    public ProcessorMachine {
        if (procs < 1) throw new IllegalArgumentException("machine size is " + procs + " processors; must be ≥ 1");
    }

    @Override
    public int nodeCount() {
        return procs;
    }

    @Override
    public String nodeName(int index) {
        return "p" + index;
    }

    @Override
    public long totalCores() {
        return procs;
    }

}
