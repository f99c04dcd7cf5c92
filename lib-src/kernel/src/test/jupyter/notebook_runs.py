#!/usr/bin/python3
"""Executes fixture.ipynb headless with `jupyter nbconvert --execute` on the `java` kernel and checks outputs.

Run with Debian's Python: /usr/bin/python3 notebook_runs.py. Exits 1 if any expected output is missing.
"""
import os
import pathlib
import subprocess
import sys
import tempfile

import nbformat

HERE = pathlib.Path(__file__).resolve().parent

# Per code cell: the MIME types its outputs must include, and text that must appear in them.
EXPECTED = [
    ({"text/plain"}, "3"),
    ({"image/png"}, ""),
    ({"image/png"}, "displayed"),
    ({"text/html", "text/plain"}, "<th>arm</th>"),
    ({"text/plain"}, "Bandit"),
]


def outputs_of(cell):
    mimes, text = set(), []
    for output in cell.outputs:
        if output.output_type == "stream":
            text.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            mimes.update(output.data.keys())
            text += [v for v in output.data.values() if isinstance(v, str)]
        elif output.output_type == "error":
            mimes.add("error")
            text.append("\n".join(output.traceback))
    return mimes, "\n".join(text)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "executed.ipynb"
        cmd = ["jupyter", "nbconvert", "--to", "notebook", "--execute",
               "--ExecutePreprocessor.kernel_name=" + os.environ.get("L2RL_KERNEL", "java"), "--ExecutePreprocessor.timeout=120",
               "--output", str(out), str(HERE / "fixture.ipynb")]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            print(run.stderr)
            print("FAILED: nbconvert could not execute the notebook")
            return 1
        cells = [c for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code"]
    failures = []
    for number, (cell, (mimes, needle)) in enumerate(zip(cells, EXPECTED), start=1):
        got, text = outputs_of(cell)
        ok = mimes <= got and needle in text and "error" not in got
        print(f"  cell {number}: {'ok  ' if ok else 'FAIL'} outputs {sorted(got)}")
        if not ok:
            failures.append(f"cell {number}: wanted {sorted(mimes)} containing {needle!r}, got {sorted(got)}: {text[:300]}")
    if len(cells) != len(EXPECTED):
        failures.append(f"fixture has {len(cells)} code cells, expected {len(EXPECTED)}")
    for failure in failures:
        print("FAILED " + failure)
    print("ALL OK" if not failures else f"{len(failures)} cell(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
