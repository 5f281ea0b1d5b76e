# The accounting sandbox's names, shared by start.sh, workload.sh, run.sh and stop.sh.
# shellcheck disable=SC2034
CLUSTER=plabsite
ACCOUNTS=(chem:50 phys:30 bio:20)
USER_ACCOUNTS=(plalice:chem plbob:chem plcarol:phys pldave:phys plerin:bio plfrank:bio)
USERS=(plalice plbob plcarol pldave plerin plfrank)
