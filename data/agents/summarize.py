"""Prints the pretrained agents' table (README.md, data/agents/README.md) from every provenance.json:
per family, the shipped agent (seed 1) and the median and worst of all seeds, as multiples of the Bayes-optimal
regret on the same 1,000 held-out episodes, with Thompson sampling's for the paper's ranking. The agent acts by its
own rule (config key actions, chosen on validation episodes); the sampling column is the same agents with
--actions sample (the paper's agent).
Usage: /usr/bin/python3 data/agents/summarize.py"""
import json
import pathlib
import statistics

HERE = pathlib.Path(__file__).resolve().parent
FAMILIES = ["independent", "dependent-uniform", "easy", "medium", "hard"]

runs = {}
for f in sorted(HERE.glob("*/provenance.json")) + sorted(HERE.glob("more-seeds/*/provenance.json")):
    p = json.loads(f.read_text())
    name = f.parent.name.split("-seed")[0]
    runs.setdefault(name, []).append(p)

print("| family | shipped agent (seed 1) | x Bayes-optimal | seeds 1/2/3 (x Bayes-optimal) | median | worst "
      "| actions (seeds 1/2/3) | sampling always (x Bayes-optimal) | Thompson | Gittins | Bayes-optimal "
      "| training wall (load) |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for name in FAMILIES:
    ps = sorted(runs.get(name, []), key=lambda p: p["seed"])
    if not ps:
        continue
    ratios = [p["evaluation"]["agent"]["regret_mean"] / p["evaluation"]["bayes_optimal"]["regret_mean"] for p in ps]
    sampling = [p["evaluation"]["agent_sampling"]["regret_mean"] / p["evaluation"]["bayes_optimal"]["regret_mean"]
                for p in ps]
    rules = [p["evaluation"]["agent_actions"].split()[0] for p in ps]
    first = ps[0]
    ev = first["evaluation"]
    print(f"| {name} | {ev['agent']['regret_mean']:.2f} ± {ev['agent']['regret_ci95']:.2f} | {ratios[0]:.2f}x "
          f"| {' / '.join(f'{r:.2f}' for r in ratios)} | {statistics.median(ratios):.2f}x | {max(ratios):.2f}x "
          f"| {' / '.join(rules)} | {' / '.join(f'{r:.2f}' for r in sampling)} "
          f"| {ev['thompson']['regret_mean']:.2f} | {ev['gittins']['regret_mean']:.2f} "
          f"| {ev['bayes_optimal']['regret_mean']:.2f} | {first['wall_seconds']:.0f} s ({first['load_average_after'].split()[0]}) |")

# The eleven-armed task (paper 3.1.3): R_5, 5 trials, no Gittins row (its arms pay up to 5).
ELEVEN = ["eleven-armed"]
print()
print("| family | shipped agent (seed 1) | x Bayes-optimal | seeds 1/2/3 (R_5) | median | worst "
      "| actions (seeds 1/2/3) | sampling always (R_5) | Thompson | random | Bayes-optimal | training wall (load) |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for name in ELEVEN:
    ps = sorted(runs.get(name, []), key=lambda p: p["seed"])
    if not ps:
        continue
    regrets = [p["evaluation"]["agent"]["regret_mean"] for p in ps]
    sampling = [p["evaluation"]["agent_sampling"]["regret_mean"] for p in ps]
    rules = [p["evaluation"]["agent_actions"].split()[0] for p in ps]
    first = ps[0]
    ev = first["evaluation"]
    print(f"| {name} | {ev['agent']['regret_mean']:.2f} ± {ev['agent']['regret_ci95']:.2f} "
          f"| {ev['agent']['regret_mean'] / ev['bayes_optimal']['regret_mean']:.3f}x "
          f"| {' / '.join(f'{r:.2f}' for r in regrets)} | {statistics.median(regrets):.2f} | {max(regrets):.2f} "
          f"| {' / '.join(rules)} | {' / '.join(f'{r:.2f}' for r in sampling)} "
          f"| {ev['thompson']['regret_mean']:.2f} | {ev['random']['regret_mean']:.2f} "
          f"| {ev['bayes_optimal']['regret_mean']:.2f} | {first['wall_seconds']:.0f} s ({first['load_average_after'].split()[0]}) |")
