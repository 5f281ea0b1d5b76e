#!/usr/bin/env python3
# Writes HPC2N as scenario files for the preemptive-policy benchmarks of docs/performance.md (issue 16): the same
# jobs as `simulate --trace HPC2N...` would run (submit, run time, estimate = requested time, at least the run time),
# with owners and QOS classes assigned by user number, in four variants:
#   qos        240 processors, QOS preemption: users ≡ 0 (mod 4) have QOS "high" (tier 1) and may preempt the
#              others ("normal", tier 0); victims are requeued (else killed)
#   qos-easy   the same jobs and machine, no preemption (the EASY baseline of the same jobs)
#   owner      120 nodes × 2 cores in two pools of 60: "lab" (owned by group "lab", lent to QOS "preempt") and
#              "public"; users ≡ 0 (mod 3) are in group "lab", the others borrow; owners reclaim their pool
#              (requeue, else kill); a job of n processors asks for ceil(n/2) nodes (at most 60) × 2 cores (1 if n = 1)
#   owner-easy the same jobs and pools, no preemption
# Usage: docs/performance-scenarios.py TRACE.swf.gz KIND OUT.json
import gzip, json, sys
src, kind, out = sys.argv[1], sys.argv[2], sys.argv[3]
jobs = []
for line in gzip.open(src, 'rt'):
    if line.startswith(';') or not line.strip(): continue
    f = line.split()
    jid, submit, run, procs, req_procs, req_time, user = int(f[0]), int(f[1]), int(f[3]), int(f[4]), int(f[7]), int(f[8]), int(f[11])
    if procs <= 0: procs = req_procs
    if procs <= 0 or run < 0 or submit < 0: continue
    est = req_time if req_time > 0 else run
    est = max(est, run, 1)
    j = {"name": "j%d" % jid, "submit": submit, "estimate": est, "runtime": run}
    if kind == "owner" or kind == "owner-easy":
        j["nodes"] = min(60, (procs + 1) // 2)
        j["coresPerNode"] = 1 if procs == 1 else 2
        if user % 3 == 0: j["group"] = "lab"
        else: j["qos"] = "preempt"
    else:
        j["procs"] = procs
        if user % 4 == 0: j["qos"] = "high"
    jobs.append(j)
s = {"formatVersion": 1, "name": "HPC2N " + kind, "seed": 1}
if kind.startswith("owner"):
    s["cluster"] = {"pools": [{"name": "public", "nodes": 60, "coresPerNode": 2},
                              {"name": "lab", "nodes": 60, "coresPerNode": 2, "owner": "lab", "borrowers": ["preempt"]}]}
else:
    s["cluster"] = {"processors": 240}
s["policy"] = {"scheduler": "easy"}
if kind == "owner":
    s["preemption"] = {"owner": True, "qos": False, "tiers": {"normal": 1, "preempt": 0}, "chains": {"preempt": ["requeue", "kill"]}}
elif kind == "qos":
    s["preemption"] = {"owner": False, "qos": True, "tiers": {"high": 1, "normal": 0}, "defaultChain": ["requeue", "kill"]}
s["jobs"] = jobs
json.dump(s, open(out, "w"), separators=(",", ":"))
print(kind, len(jobs))
