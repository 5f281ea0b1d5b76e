package org.preemptlab.replay;

/**
 * The hand-worked replay tests' accounting: a cluster {@code hand} with two accounts of equal shares, {@code astro}
 * (user ann) and {@code bio} (user ben), and one QOS {@code normal} of priority 0 (sacctmgr's dump and its QOS list).
 */
final class TwoAccountSite {

    private TwoAccountSite() {
    }

    /** {@code sacctmgr dump} of the two accounts. */
    static final String DUMP = """
            Cluster - 'hand':Fairshare=1:QOS='normal'
            Parent - 'root'
            Account - 'astro':Description='astro':Organization='astro':Fairshare=1
            Account - 'bio':Description='bio':Organization='bio':Fairshare=1
            Parent - 'astro'
            User - 'ann':DefaultAccount='astro':DefaultQOS='normal':Fairshare=1:QOS='normal'
            Parent - 'bio'
            User - 'ben':DefaultAccount='bio':DefaultQOS='normal':Fairshare=1:QOS='normal'
            """;

    /** {@code sacctmgr show qos -P}: the one QOS. */
    static final String QOS = "Name|Priority|GraceTime|Preempt|PreemptExemptTime|PreemptMode|Flags|UsageThres|UsageFactor|"
            + "GrpTRES|GrpTRESMins|GrpTRESRunMins|GrpJobs|GrpSubmit|GrpWall|MaxTRES|MaxTRESPerNode|MaxTRESMins|MaxWall|MaxTRESPU|MaxJobsPU|"
            + "MaxSubmitPU|MaxTRESPA|MaxTRESRunMinsPA|MaxTRESRunMinsPU|MaxJobsPA|MaxSubmitPA|MinTRES\n"
            + "normal|0|00:00:00|||cluster|||1.000000|||||||||||||||||||\n";
}
