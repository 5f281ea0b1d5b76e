package org.preemptlab.app.gui.site;

/** A typed value that breaks a rule; {@link #getMessage()} is the rule ({@code must be ≥ 0}). */
final class Refused extends RuntimeException {

    Refused(String rule) {
        super(rule, null, false, false);
    }
}
