#!/usr/bin/python3
"""Runs the README's section "Your own task" as written: its Java files and its shell block, in a temporary directory,
with L2 pointing at this checkout. Checks that every command succeeds, that `tasks` lists the jar's id with what it
declares, that `baselines` offers only the random policy for the drifting family, and that the sweep finishes.

Run with Debian's Python: /usr/bin/python3 readme_task.py
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[5]


def section(readme, title):
    text = readme.split(f"\n## {title}\n", 1)[1]
    return text.split("\n## ", 1)[0]


def main():
    started = time.monotonic()
    text = section((ROOT / "README.md").read_text(), "Your own task")
    java = re.findall(r"```java\n(.*?)```", text, re.S)
    shell = re.findall(r"```bash\n(.*?)```", text, re.S)
    results = []

    def check(name, ok, detail=""):
        print(f"  {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        results.append(ok)

    work = pathlib.Path(tempfile.mkdtemp(prefix="l2rl-readme-task-"))
    try:
        print(f"The README's \"Your own task\", as written, in {work}")
        for source in java:
            package = re.search(r"^package ([\w.]+);", source, re.M).group(1)
            name = re.search(r"^public (?:final )?class (\w+)", source, re.M).group(1)
            path = work / "src" / package.replace(".", "/") / f"{name}.java"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source)
        check("the section has two Java files and one shell block", len(java) == 2 and len(shell) == 1)
        script = shell[0].replace("L2=~/l2rl", f"L2={ROOT}", 1)
        run = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=work, capture_output=True, text=True,
                             timeout=900)
        check("every command of the shell block succeeds", run.returncode == 0,
              f"exit {run.returncode}" + (f"; stderr: {run.stderr.strip()[-800:]}" if run.returncode else ""))
        out = run.stdout
        check("tasks lists the jar's id with its declarations",
              "BanditTwoArmedReversal-v0" in out and "means drifting" in out and "mytasks.jar" in out)
        rows = re.findall(r"^\s*(\w[\w-]*)\s+\|\s+[0-9.]+\s+\|", out, re.M)
        check("baselines offers the random policy alone", "random" in rows and "thompson" not in rows,
              f"rows: {rows}")
        check("evaluate prints the agent's row", "agent" in rows)
        check("the sweep finished its 4 runs", (work / "runs/reversal-sweep/results.csv").is_file()
              and "reported regret" in out, out.strip().splitlines()[-1] if out.strip() else "no output")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failed = results.count(False)
    print(f"readme task: {len(results) - failed} passed, {failed} failed in {time.monotonic() - started:.0f} s")
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
