package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code sacctmgr dump CLUSTER} file: the cluster (its line's limits are the root association's),
 * the account tree, the users' associations and (Slurm 25.05 and later) the QOS. Read with
 * {@link SacctmgrDumpParser}. Account and QOS names are lower case (Slurm's database keeps them
 * so); user names are kept as written.
 */
public record SacctmgrDump(String cluster, AssociationLimits root, List<Account> accounts, List<UserAssociation> users,
                           List<QosDefinition> qos) {

    /** The implicit top of every tree. */
    public static final String ROOT = "root";

    /** An account: its parent ({@code root} for top-level accounts) and its association. */
    public record Account(String name, String parent, String description, String organization, AssociationLimits limits, String where) {}

    /**
     * A user in an account (one per {@code User} line: a user in two accounts has two).
     *
     * @param partition the association's partition, {@code ""} for all
     * @param defaultAccount the user's {@code DefaultAccount} (given on the first line of the user), {@code ""} if none
     */
    public record UserAssociation(String user, String account, String partition, String defaultAccount, String adminLevel,
                                  AssociationLimits limits, String where) {}

    public SacctmgrDump {
        accounts = List.copyOf(accounts);
        users = List.copyOf(users);
        qos = List.copyOf(qos);
    }

    public Optional<Account> account(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The accounts whose parent is {@code name} ({@code root} for the top level), in file order. */
    public List<Account> children(String name) {
        return accounts.stream().filter(a -> a.parent().equals(name)).toList();
    }

    /** The associations of users directly in the account. */
    public List<UserAssociation> usersOf(String account) {
        return users.stream().filter(u -> u.account().equals(account)).toList();
    }

    /** The account's chain up to (not including) root: {@code [chem, science]} for chem under science. */
    public List<String> ancestors(String account) {
        List<String> out = new ArrayList<>();
        String at = account;
        for (int guard = 0; guard <= accounts.size(); guard++) {
            Optional<Account> a = account(at);
            if (a.isEmpty()) break;
            out.add(a.get().name());
            at = a.get().parent();
        }
        return out;
    }
}
