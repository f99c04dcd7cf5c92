#!/usr/bin/python3
"""Once a sweep has all its runs, keeps only the agents of its top 5 (chosen on evaluation episodes 1-150, ties to
the lower run, as l2rl's TopRuns) in SWEEPDIR/agents: the records of every run stay in runs/ and results.csv, and
`l2rl sweep-table` needs only the top 5 agents. Does nothing while runs are missing.
Usage: keep-top5.py SWEEPDIR RUNS"""
import csv
import pathlib
import shutil
import sys

out, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
rows = [r for r in csv.DictReader((out / "results.csv").open()) if r["status"] == "ok" and int(r["run"]) < runs]
if len({int(r["run"]) for r in rows}) < runs:
    sys.exit(0)
top = sorted(rows, key=lambda r: (float(r["regret_1_150"]), int(r["run"])))[:5]
keep = {f"run-{int(r['run']):05d}" for r in top}
for agent in sorted((out / "agents").iterdir()):
    if agent.name not in keep:
        shutil.rmtree(agent)
print(f"{out}: kept the agents of the top 5 runs: {', '.join(sorted(keep))}")
