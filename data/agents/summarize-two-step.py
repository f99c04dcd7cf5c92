#!/usr/bin/python3
"""Prints the two-step agents' table of data/agents/README.md from their provenance.json files (made by
data/agents/make-two-step-agent.sh): per agent, the corrected and uncorrected interaction and the reward rate on
1,000 held-out episodes, beside the reference learners on the same episodes."""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent
RUNS = [("two-step", "TwoStep-v0"), ("two-step-no-reward", "TwoStep-v0"), ("two-step-reversal", "TwoStepReversal-v0")]


def show(q):
    return "separated" if q["value"] is None else f"{q['value']:.3f} ± {q['ci95']:.3f}"


print("| agent | seed | interaction_corrected | interaction | reward_rate | model-free: corrected / rate "
      "| model-based: corrected / rate | ideal observer: rate | training wall (load) |")
print("|---|---|---|---|---|---|---|---|---|")
for name, task in RUNS:
    for seed in (1, 2, 3):
        d = ROOT / name if seed == 1 else ROOT / "more-seeds" / f"{name}-seed{seed}"
        if not (d / "provenance.json").is_file():
            continue
        p = json.loads((d / "provenance.json").read_text())
        e = p["evaluation"]
        a, mf, mb = e["agent"], e["model-free"], e["model-based"]
        io = e.get("ideal-observer")
        ceiling = f"{io['reward_rate']['value']:.4f}" if io else "-"
        print(f"| {name} ({task}) | {seed} | {show(a['interaction_corrected'])} | {show(a['interaction'])} "
              f"| {show(a['reward_rate'])} | {show(mf['interaction_corrected'])} / {mf['reward_rate']['value']:.4f} "
              f"| {show(mb['interaction_corrected'])} / {mb['reward_rate']['value']:.4f} | {ceiling} "
              f"| {p['wall_seconds']:.0f} s ({p['load_average_before'].split()[0]}) |")
