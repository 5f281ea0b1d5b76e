package org.preemptlab.account;

import java.util.List;

/** An account tree that cannot be used: every problem found, one per line, each naming its place. */
public class AccountTreeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public AccountTreeException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("an AccountTreeException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    /** Each as {@code path: value; rule}, e.g. {@code accounts[chem].shares: -1; must be ≥ 1}. */
    public List<String> problems() {
        return problems;
    }
}
