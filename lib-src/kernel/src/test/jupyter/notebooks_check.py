#!/usr/bin/python3
"""Checks what every notebook in notebooks/ shows when executed headless on the `java` kernel.

Each notebook is executed by `jupyter nbconvert --to notebook --execute`, which writes the executed copy to
.l2rl/executed/, or, with --executed REPORT_DIR, the executed copies of a report written by ./l2rl report are checked
(the test suite executes the notebooks once, for the report, and checks them here). Then:
- no cell has an error output or wrote to stderr;
- every cell tagged "figure" produced at least one image/png;
- every line "COMMAND -> ROW COLUMN = VALUE" printed by a cell tagged "key-numbers" agrees with the library's
  own run: COMMAND (an ./l2rl command line, perhaps after L2RL_CLASSPATH=JAR) is run with --format csv and the row whose first column is ROW (a
  policy for `evaluate`, a measure for `probe`, POLICY:QUANTITY for `two-step`) must have VALUE in COLUMN to the four decimals printed.
Notebooks that write runs (04's sweep) write them under .l2rl/notebook-runs/, named by L2RL_RUNS, not under the
user's runs/: a notebook the user runs in Jupyter meanwhile never shares a directory with the suite's run of it.
Run with Debian's Python (it has nbformat):
  /usr/bin/python3 notebooks_check.py [NOTEBOOK...]
  /usr/bin/python3 notebooks_check.py --executed REPORT_DIR
"""
import csv
import io
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys
import time

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[5]
EXECUTED = ROOT / ".l2rl" / "executed"
RUNS = ".l2rl/notebook-runs"  # relative to ROOT, so that key lines name it as a command run from ROOT does
# A command may start with L2RL_CLASSPATH=JAR (relative to ROOT): notebook 06's family reaches the CLI as a jar.
KEY_LINE = re.compile(r"^((?:L2RL_CLASSPATH=\S+ )?\./l2rl .+?) -> (\S+) (\w+) = (-?[0-9.]+)$")


def execute(notebook):
    EXECUTED.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    run = subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute",
                          "--ExecutePreprocessor.kernel_name=" + os.environ.get("L2RL_KERNEL", "java"), "--ExecutePreprocessor.timeout=900",
                          "--output-dir", str(EXECUTED), str(notebook)],
                         capture_output=True, text=True, cwd=notebook.parent,
                         env=dict(os.environ, L2RL_RUNS=RUNS))
    seconds = time.monotonic() - start
    executed = EXECUTED / notebook.name
    if run.returncode != 0:
        return None, seconds, [f"nbconvert failed:\n{run.stderr[-3000:]}"]
    return nbformat.read(executed, as_version=4), seconds, []


def executed_in_report(report):
    """The report's executed notebooks, each with its run time, and its status when it did not finish."""
    if not (report / "report.json").is_file():
        yield report / "report.json", None, 0, [f"no report in {report}: ./l2rl report did not finish"]
        return
    with open(report / "report.json") as f:
        notebooks = json.load(f)["notebooks"]
    for n in notebooks:
        nb = nbformat.read(report / f"{n['name']}.ipynb", as_version=4)
        # A cell's error is found in the notebook below; a timeout or a dead kernel only the report saw.
        status = [] if n["status"] == "ok" or n["status"].startswith("error in code cell") else [n["status"]]
        yield pathlib.Path(n["name"] + ".ipynb"), nb, n["seconds"], status


def text_of(output):
    return output.get("text", "") if output.output_type == "stream" else ""


def check_cells(nb):
    problems, key_lines = [], []
    for number, cell in enumerate((c for c in nb.cells if c.cell_type == "code"), start=1):
        tags = cell.metadata.get("tags", [])
        mimes = set()
        for output in cell.outputs:
            if output.output_type == "error":
                problems.append(f"code cell {number}: {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr":
                problems.append(f"code cell {number} wrote to stderr: {output.text[:300]}")
            mimes.update(output.get("data", {}).keys())
            if "key-numbers" in tags:
                key_lines += [line for line in text_of(output).splitlines() if KEY_LINE.match(line)]
        if "figure" in tags and "image/png" not in mimes:
            problems.append(f"code cell {number} is a figure cell but shows no image/png (got {sorted(mimes)})")
        if "key-numbers" in tags and not key_lines:
            problems.append(f"code cell {number} is tagged key-numbers but printed no key line")
    return problems, key_lines


def check_key_numbers(key_lines):
    problems, by_command = [], {}
    for line in key_lines:
        command, policy, column, value = KEY_LINE.match(line).groups()
        by_command.setdefault(command, []).append((policy, column, float(value)))
    for command, expected in by_command.items():
        args = shlex.split(command)
        env = dict(os.environ)
        if args[0].startswith("L2RL_CLASSPATH="):
            env["L2RL_CLASSPATH"] = args.pop(0).split("=", 1)[1]
        if "--format" not in args:
            args += ["--format", "csv"]
        run = subprocess.run([str(ROOT / "l2rl")] + args[1:], capture_output=True, text=True, cwd=ROOT, env=env)
        if run.returncode != 0:
            problems.append(f"`{command}` failed: {run.stderr.strip()[-500:]}")
            continue
        reader = csv.DictReader(io.StringIO(run.stdout))
        # a long table (two-step: policy,quantity,value,ci95) names its row POLICY:QUANTITY
        long_table = "quantity" in reader.fieldnames
        rows = {row[reader.fieldnames[0]] + (":" + row["quantity"] if long_table else ""): row for row in reader}
        for policy, column, value in expected:
            got = rows.get(policy, {}).get(column)
            if got is None or abs(float(got) - value) > 5e-4:
                problems.append(f"`{command}`: {policy} {column} is {got}, the notebook printed {value}")
    return problems, sum(len(v) for v in by_command.values())


def executed_here(names):
    notebooks = [pathlib.Path(n).resolve() for n in names] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for notebook in notebooks:
        nb, seconds, problems = execute(notebook)
        yield notebook, nb, seconds, problems


def main(args):
    executed = (executed_in_report(pathlib.Path(args[1])) if args[:1] == ["--executed"] and len(args) == 2
                else executed_here(args))
    failed = total = 0
    for notebook, nb, seconds, problems in executed:
        total += 1
        checked = 0
        if nb is not None:
            cell_problems, key_lines = check_cells(nb)
            key_problems, checked = check_key_numbers(key_lines)
            problems += cell_problems + key_problems
        status = "ok" if not problems else "FAILED"
        print(f"{notebook.name}: {status} in {seconds:.0f} s, {checked} key numbers checked against the CLI")
        for problem in problems:
            print(f"  - {problem}")
        failed += bool(problems)
    print(f"notebooks: {total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
