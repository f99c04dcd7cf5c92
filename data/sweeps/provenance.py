#!/usr/bin/python3
"""Writes SWEEPDIR/provenance.json from SWEEPDIR/sessions.jsonl, the run records and this machine.
Usage: provenance.py SWEEPDIR TASK_ID COMMAND"""
import json
import os
import pathlib
import platform
import subprocess
import sys

out, task, command = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
sessions = [json.loads(line) for line in (out / "sessions.jsonl").read_text().splitlines() if line.strip()]
runs = [json.loads(p.read_text()) for p in sorted((out / "runs").glob("run-*.json"))]
ok = [r for r in runs if r.get("status") == "ok"]
meminfo = dict(line.split(":", 1) for line in pathlib.Path("/proc/meminfo").read_text().splitlines())
cpu = next((line.split(":", 1)[1].strip() for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")), platform.processor())
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
provenance = {
    "task": task,
    "command": command,
    "protocol": "100 runs with (lr, gamma) drawn per run; top 5 chosen on evaluation episodes 1-150, reported on "
                "151-300 (top5.txt); everything else the train command's defaults (sweep.properties)",
    "finished_runs": len(ok),
    "complete": len(ok) == 100,
    "commits": sorted({s["git_commit"] for s in sessions}),
    "all_sessions_on_clean_trees": all(s["git_tree_clean"] for s in sessions),
    "wall_seconds_total": round(sum(s["wall_seconds"] for s in sessions), 1),
    "run_wall_seconds_total": round(sum(r.get("wallSeconds", 0) for r in ok), 1),
    "machine": {"cores": os.cpu_count(), "cpu": cpu, "memory": meminfo["MemTotal"].strip(), "java": java},
    "sessions": sessions,
}
(out / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n")
