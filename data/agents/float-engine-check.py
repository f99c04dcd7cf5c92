"""Summarizes data/agents/float-engine-check.csv (written by float-engine-check.sh): per family, the float-trained and
the double-trained agents' regret as multiples of the Bayes-optimal regret on the same 1,000 held-out episodes,
seed by seed, the paired difference float - double averaged over the seeds, and the spread between the double
agents' seeds (largest minus smallest), the yardstick the difference is read against.
Usage: /usr/bin/python3 data/agents/float-engine-check.py"""
import csv
import pathlib
import statistics

HERE = pathlib.Path(__file__).resolve().parent
rows = list(csv.DictReader(open(HERE / "float-engine-check.csv")))
print("| family | float (seeds 1/2/3, x Bayes-optimal) | double (seeds 1/2/3) | mean paired difference float - double "
      "| spread of the double seeds | inside the spread |")
print("|---|---|---|---|---|---|")
inside_all = True
for family in dict.fromkeys(r["family"] for r in rows):
    rs = sorted((r for r in rows if r["family"] == family), key=lambda r: int(r["seed"]))
    f = [float(r["float_regret"]) / float(r["bayes_optimal_regret"]) for r in rs]
    d = [float(r["double_regret"]) / float(r["bayes_optimal_regret"]) for r in rs]
    diff = statistics.mean(a - b for a, b in zip(f, d))
    spread = max(d) - min(d)
    inside = abs(diff) <= spread
    inside_all &= inside
    print(f"| {family} | {' / '.join(f'{x:.2f}' for x in f)} | {' / '.join(f'{x:.2f}' for x in d)} | {diff:+.3f}x "
          f"| {spread:.3f}x | {'yes' if inside else 'no'} |")
print()
print("every family inside the seed spread" if inside_all else "NOT every family inside the seed spread")
