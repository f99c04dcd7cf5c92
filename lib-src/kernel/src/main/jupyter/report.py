#!/usr/bin/python3
"""Executes every notebook headless, each on a fresh kernel, and writes a write-up directory (./l2rl report).

The directory holds, for each notebook NAME:
  NAME.html    the executed notebook as a page (nbconvert's lab template, images embedded as data URIs)
  NAME.ipynb   the executed notebook
  NAME/        every figure it shows as figNN-TITLE.png, .svg and .csv (the numbers behind it), every table as
               tableNN-NAME.csv: written by the kernel, which exports what a notebook shows when L2RL_FIGURES names
               a directory (lib-src/kernel: FigureExport)
and index.html (provenance: commit, clean tree or not, date, machine, Java and DL4J versions, each notebook's status
and run time, links), report.json (the same, for scripts), and mathjax/ (the part of Debian's MathJax the pages
typeset their formulas with, so the pages work offline and wherever the directory is copied).

The directory is written beside the target and swapped in when complete, so a failed or interrupted run leaves an
earlier report as it was. An existing target is replaced only if it is an earlier report (it has report.json) or
empty. Notebooks that write runs write them under .l2rl/notebook-runs (L2RL_RUNS), never into the user's runs/.

Run with Debian's Python (it has nbformat, nbclient and nbconvert):
  /usr/bin/python3 report.py -o DIR [--kernel NAME] [--check] [NOTEBOOK...]
--check only validates DIR (exit 2 with one line if unusable).
"""
import argparse
import datetime
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[4]
RUNS = ".l2rl/notebook-runs"  # relative to ROOT, as notebooks_check.py names it for the key-number commands
MATHJAX = pathlib.Path("/usr/share/javascript/mathjax")
# What MathJax 2 loads for TeX typeset as SVG: the combined configuration, its extensions, the TeX fonts only.
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_SVG-full.js", "config/Safe.js", "extensions", "jax/element",
                 "jax/input/TeX", "jax/output/SVG/jax.js", "jax/output/SVG/config.js", "jax/output/SVG/autoload",
                 "jax/output/SVG/fonts/TeX"]
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS_SVG-full,Safe"


class UsageError(Exception):
    pass


def check_target(out):
    """Raises UsageError unless out can become the report: a directory we may replace, in a writable folder."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file, not a directory; choose another -o")
    if out.is_dir() and any(out.iterdir()) and not (out / "report.json").is_file():
        raise UsageError(f"{out} is not empty and not an earlier l2rl report; choose another -o")
    parent = out.parent
    while not parent.exists():
        parent = parent.parent
    # Asking os.access is not enough (root passes it on read-only file systems): try, and leave nothing behind.
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".l2rl-report-check-", dir=parent))
    except OSError as e:
        raise UsageError(f"cannot write into {parent} ({e.strerror}); choose another -o")


def say(line):
    print(f"l2rl report: {line}", flush=True)


def execute(notebook, kernel, figures):
    """Runs the notebook on a fresh kernel; returns the executed notebook, its status and run time in seconds."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(notebook, as_version=4)
    # The kernel inherits this environment: where to export figures, where to write runs.
    os.environ.update(L2RL_FIGURES=str(figures), L2RL_RUNS=RUNS)
    client = NotebookClient(nb, kernel_name=kernel, timeout=900, resources={"metadata": {"path": str(notebook.parent)}})
    start = time.monotonic()
    status = "ok"
    try:
        client.execute()
    except CellExecutionError:
        status = first_error(nb)
    except (CellTimeoutError, DeadKernelError) as e:
        status = f"failed: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
    return nb, status, time.monotonic() - start


def first_error(nb):
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                return f"error in code cell {number}: {output.ename}: {output.evalue.splitlines()[0][:200]}"
    return "error"


def write_page(nb, page):
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="l2rl-report", extra_template_basedirs=[str(HERE / "report-template")])
    exporter.embed_images = True
    exporter.mathjax_url = MATHJAX_URL
    body, _ = exporter.from_notebook_node(nb)
    page.write_text(body, encoding="utf-8")


def copy_mathjax(out):
    for part in MATHJAX_PARTS:
        source, target = MATHJAX / part, out / "mathjax" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)


def git(*args):
    run = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return run.stdout.strip() if run.returncode == 0 else None


def provenance(kernel):
    from jupyter_client.kernelspec import KernelSpecManager

    commit = git("rev-parse", "HEAD")
    changed = git("status", "--porcelain")
    cpuinfo = pathlib.Path("/proc/cpuinfo").read_text()
    meminfo = pathlib.Path("/proc/meminfo").read_text()
    mem_kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))
    argv = KernelSpecManager().get_kernel_spec(kernel).argv
    java = subprocess.run([argv[0], "-version"], capture_output=True, text=True).stderr.splitlines()
    dl4j = re.search(r"deeplearning4j-nn-([^/:]+)\.jar", " ".join(argv))
    return {
        "commit": commit or "unknown (not a git checkout)",
        "tree": "unknown" if changed is None else "clean" if not changed else changes(changed.splitlines()),
        "started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "cores": sum(line.startswith("processor") for line in cpuinfo.splitlines()),
        "cpu": next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                     if line.startswith("model name")), "unknown"),
        "memory": f"{mem_kib / 2**20:.1f} GiB",
        "load at start": pathlib.Path("/proc/loadavg").read_text().split()[0],
        "java": java[0] if java else "unknown",
        "dl4j": dl4j.group(1) if dl4j else "unknown",
        "kernel": kernel,
    }


def changes(porcelain):
    """What `git status --porcelain` lists, in a line: up to five paths, then how many more."""
    paths = [line[3:] for line in porcelain]
    more = f" and {len(paths) - 5} more" if len(paths) > 5 else ""
    return f"changed or untracked: {', '.join(paths[:5])}{more}"


def figure_links(folder, out):
    files = sorted(p for p in folder.iterdir()) if folder.is_dir() else []
    rows = {}
    for f in files:
        rows.setdefault(f.stem, []).append(f)
    order = {".png": 0, ".svg": 1, ".csv": 2}
    return [(stem, [(f.suffix[1:], f.relative_to(out).as_posix()) for f in sorted(group, key=lambda f: order[f.suffix])])
            for stem, group in rows.items()]


def write_index(out, facts, notebooks):
    e = html.escape
    items = "".join(f"<tr><th>{e(k)}</th><td>{e(str(v))}</td></tr>" for k, v in facts.items())
    rows = []
    for n in notebooks:
        figures = "".join(
            f"<li>{e(stem)}: " + " ".join(f'<a href="{e(href)}">{e(kind)}</a>' for kind, href in links) + "</li>"
            for stem, links in figure_links(out / n["name"], out))
        status_class = "ok" if n["status"] == "ok" else "failed"
        rows.append(f'<tr><td><a href="{e(n["name"])}.html">{e(n["name"])}</a> '
                    f'(<a href="{e(n["name"])}.ipynb">ipynb</a>)</td>'
                    f'<td class="{status_class}">{e(n["status"])}</td><td>{n["seconds"]:.0f} s</td>'
                    f"<td><ul>{figures}</ul></td></tr>")
    (out / "index.html").write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>l2rl report</title>
<style>
body {{ font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }}
table {{ border-collapse: collapse; margin-bottom: 2em; }}
th, td {{ text-align: left; vertical-align: top; padding: 4px 12px 4px 0; border-bottom: 1px solid #ddd; }}
ul {{ margin: 0; padding-left: 1.2em; font-size: 90%; }}
.ok {{ color: #1a7f37; }} .failed {{ color: #cf222e; }}
</style></head><body>
<h1>l2rl — Learning to Reinforcement Learn: notebooks, executed</h1>
<p>Every notebook run top to bottom on a fresh kernel by <code>./l2rl report</code>. Each page shows the notebook with
its outputs; each figure is also here as PNG, SVG and CSV (the numbers behind it), each table as CSV.</p>
<h2>Provenance</h2>
<table>{items}</table>
<h2>Notebooks</h2>
<table><tr><th>notebook</th><th>status</th><th>run time</th><th>figures and tables</th></tr>{"".join(rows)}</table>
</body></html>
""", encoding="utf-8")


def build(out, kernel, notebooks):
    import nbformat

    staging = out.parent / f".{out.name}.partial-{os.getpid()}"
    staging.mkdir(parents=True)
    try:
        facts = provenance(kernel)
        copy_mathjax(staging)
        results = []
        for notebook in notebooks:
            name = notebook.stem
            say(f"{name}: started at {datetime.datetime.now():%H:%M:%S}")
            nb, status, seconds = execute(notebook, kernel, staging / name)
            nbformat.write(nb, staging / f"{name}.ipynb")
            write_page(nb, staging / f"{name}.html")
            results.append({"name": name, "status": status, "seconds": round(seconds, 1)})
            say(f"{name}: {status} in {seconds:.0f} s")
        facts["load at end"] = pathlib.Path("/proc/loadavg").read_text().split()[0]
        write_index(staging, facts, results)
        (staging / "report.json").write_text(json.dumps({"provenance": facts, "notebooks": results}, indent=2) + "\n")
        swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return results


def swap_in(staging, out):
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def main(argv):
    parser = argparse.ArgumentParser(prog="l2rl report")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--kernel", default=os.environ.get("L2RL_KERNEL", "java"))
    parser.add_argument("--check", action="store_true")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args(argv)
    out = pathlib.Path(args.output).resolve()
    try:
        check_target(out)
        notebooks = [pathlib.Path(n).resolve() for n in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
        missing = [str(n) for n in notebooks if not n.is_file()]
        if missing:
            raise UsageError(f"no such notebook: {', '.join(missing)}")
    except UsageError as e:
        print(f"l2rl report: {e}", file=sys.stderr)
        return 2
    if args.check:
        return 0
    start = time.monotonic()
    results = build(out, args.kernel, notebooks)
    failed = sum(r["status"] != "ok" for r in results)
    say(f"{len(results) - failed} of {len(results)} notebooks ok, in {time.monotonic() - start:.0f} s; "
        f"open {out / 'index.html'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
