package org.preemptlab.account;

import java.util.Objects;

/**
 * Names one association: an account ({@code user} null) or one user in one account (a user in two
 * accounts has two associations, as in Slurm). Partition-specific associations are not modelled.
 */
public record AssocKey(String account, String user) implements Comparable<AssocKey> {

    /** The root account every tree has. */
    public static final String ROOT_NAME = "root";

    public static final AssocKey ROOT = new AssocKey(ROOT_NAME, null);

    public AssocKey {
        Objects.requireNonNull(account, "account");
    }

    public static AssocKey account(String name) {
        return new AssocKey(name, null);
    }

    public static AssocKey user(String user, String account) {
        return new AssocKey(account, Objects.requireNonNull(user, "user"));
    }

    public boolean isUser() {
        return user != null;
    }

    public boolean isRoot() {
        return user == null && account.equals(ROOT_NAME);
    }

    /** The JSON-like path used in error messages: {@code accounts[chem]} or {@code accounts[chem].users[alice]}. */
    public String path() {
        return user == null ? "accounts[" + account + "]" : "accounts[" + account + "].users[" + user + "]";
    }

    /** Accounts before users, then by account, then by user. */
    @Override
    public int compareTo(AssocKey o) {
        if (isUser() != o.isUser()) return isUser() ? 1 : -1;
        int c = account.compareTo(o.account);
        if (c != 0) return c;
        return user == null ? 0 : user.compareTo(o.user);
    }

    /** {@code chem} or {@code alice@chem}. */
    @Override
    public String toString() {
        return user == null ? account : user + "@" + account;
    }
}
