#!/usr/bin/python3
"""The launcher's builds under concurrency, in a temporary copy of this checkout (never rebuilding the tree the suite
runs from; its kernelspecs go to a temporary Jupyter data directory):

1. three ./l2rl commands started at once after a source changed all succeed, on one build (the others wait for it);
2. a second ./l2rl test while one runs is refused at once, in one line, with exit code 2;
3. a kernel started before a rebuild keeps its own build: after the library is rebuilt with a changed class, a cell
   that loads that class for the first time gets the kernel's own version, and says in one line that a restart picks
   the new build up; a kernel started after the rebuild gets the new version; the old build is kept while in use.

Prints each check and a summary; exits 1 on any failure. Run with Debian's Python: /usr/bin/python3 launcher_builds.py
"""
import fcntl
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

ROOT = pathlib.Path(__file__).resolve().parents[5]
KERNEL = "l2rl-launcher-test"
PROBE = "lib-src/core/src/main/java/l2rl/env/RebuildProbe.java"
PROBE_SOURCE = """package l2rl.env;

/** Written by launcher_builds.py in its temporary checkout only. */
public final class RebuildProbe {
    private RebuildProbe() {
    }

    public static String version() {
        return "%s";
    }
}
"""


def copy_checkout(into):
    """The launcher, the poms and lib-src as they are in this tree (tracked and untracked files, not target/)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "l2rl", "pom.xml", "lib-src"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout.split("\n")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def launcher(checkout, *args, env):
    return subprocess.Popen([str(checkout / "l2rl"), *args], cwd=checkout, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def main():
    results = []

    def check(name, ok, detail=""):
        print(f"  {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        results.append(ok)

    started = time.monotonic()
    work = pathlib.Path(tempfile.mkdtemp(prefix="l2rl-launcher-"))
    checkout = work / "l2rl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("L2RL_")}
    env.update(L2RL_KERNEL=KERNEL, JUPYTER_DATA_DIR=str(work / "jupyter-data"))
    os.environ["JUPYTER_DATA_DIR"] = env["JUPYTER_DATA_DIR"]  # where KernelManager below finds the test kernelspec
    kernels = []
    try:
        copy_checkout(checkout)
        (checkout / PROBE).write_text(PROBE_SOURCE % "first build")
        print(f"Launcher builds in a copy of the checkout ({checkout})")

        # 1. Three commands at once, the sources newer than any build.
        commands = [("tasks",), ("baselines", "-e", "BanditTwoArmedDependentEasy-v0", "--episodes", "50"),
                    ("kernelspec",)]
        processes = [launcher(checkout, *command, env=env) for command in commands]
        outputs = [p.communicate(timeout=600) for p in processes]
        stderr = "".join(err for _, err in outputs)
        builds = stderr.count("l2rl: building")
        waits = stderr.count("waiting for another l2rl command")
        for command, process, (out, err) in zip(commands, processes, outputs):
            check(f"./l2rl {' '.join(command)} run with two others", process.returncode == 0,
                  f"exit {process.returncode}" + (f"; stderr: {err.strip()[-300:]}" if process.returncode else ""))
        check("the three share one build", builds == 1 and waits >= 1,
              f"{builds} build(s), {waits} waited for it")
        check("tasks and baselines printed their results",
              "BanditTwoArmedDependentEasy-v0" in outputs[0][0] and "bayes-optimal" in outputs[1][0])

        # 2. A second test run while one holds the checkout's test lock.
        with open(checkout / ".l2rl" / "test.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            (checkout / ".l2rl" / "test.pid").write_text(f"{os.getpid()}\n")
            t0 = time.monotonic()
            second = subprocess.run([str(checkout / "l2rl"), "test"], cwd=checkout, env=env, capture_output=True,
                                    text=True, timeout=60)
            lines = second.stderr.strip().splitlines()
            check("a second ./l2rl test is refused in one line", second.returncode == 2 and len(lines) == 1
                  and "another ./l2rl test" in lines[0] and str(os.getpid()) in lines[0],
                  f"exit {second.returncode} after {time.monotonic() - t0:.1f}s: {second.stderr.strip()}")

        # 3. A running kernel across a rebuild.
        old = KernelManager(kernel_name=KERNEL)
        old.start_kernel()
        kernels.append(old)
        old_client = old.client()
        old_client.start_channels()
        old_client.wait_for_ready(timeout=60)
        run(old_client, "1 + 1")  # the kernel runs, and has not loaded RebuildProbe
        first_build = os.path.realpath(checkout / ".l2rl" / "current")

        (checkout / PROBE).write_text(PROBE_SOURCE % "second build")
        rebuild = subprocess.run([str(checkout / "l2rl"), "build"], cwd=checkout, env=env, capture_output=True,
                                 text=True, timeout=600)
        second_build = os.path.realpath(checkout / ".l2rl" / "current")
        check("the library rebuilt into a new snapshot", rebuild.returncode == 0 and second_build != first_build,
              f"{os.path.basename(first_build)} -> {os.path.basename(second_build)}")

        value, errors = run(old_client, "l2rl.env.RebuildProbe.version()")
        check("a kernel started before the rebuild loads the class from its own build", value == "first build" ,
              f"RebuildProbe.version() = {value}")
        notice = [line for line in errors.splitlines() if "rebuilt" in line]
        check("and says once that a restart picks the new build up", len(notice) == 1
              and "Restart the kernel" in notice[0], notice[0] if notice else f"stderr: {errors!r}")
        value, errors = run(old_client, "l2rl.env.RebuildProbe.version()")
        check("the notice is not repeated", "rebuilt" not in errors)
        check("the running kernel's build is kept", os.path.isdir(first_build))

        new = KernelManager(kernel_name=KERNEL)
        new.start_kernel()
        kernels.append(new)
        new_client = new.client()
        new_client.start_channels()
        new_client.wait_for_ready(timeout=60)
        value, errors = run(new_client, "l2rl.env.RebuildProbe.version()")
        check("a kernel started after the rebuild runs the new build", value == "second build" and not errors,
              f"RebuildProbe.version() = {value}")

        # 4. The Vector API reaches every JVM the launcher starts; its start-up warning reaches no one's stderr.
        value, errors = run(new_client, "l2rl.agent.kernels.Kernels.best().name()")
        check("the kernel computes with the vector kernels", value is not None and "vector" in value,
              f"Kernels.best().name() = {value}")
        check("./l2rl tasks: no incubator warning on its stderr", "incubator" not in outputs[0][1],
              outputs[0][1].strip()[-200:])
        bad = subprocess.run([str(checkout / "l2rl"), "evaluate", "-e", "NoSuchTask-v0", "-l", "nowhere"],
                             cwd=checkout, env=env, capture_output=True, text=True, timeout=120)
        lines = bad.stderr.strip().splitlines()
        check("a usage error is still one line, exit 2", bad.returncode == 2 and len(lines) == 1
              and "incubator" not in bad.stderr, f"exit {bad.returncode}: {bad.stderr.strip()!r}")
        old_client.stop_channels()
        new_client.stop_channels()
    finally:
        for km in kernels:
            km.shutdown_kernel(now=True)
        shutil.rmtree(work, ignore_errors=True)
    failed = results.count(False)
    print(f"launcher builds: {len(results) - failed} passed, {failed} failed "
          f"in {time.monotonic() - started:.0f} s")
    return 1 if failed or not results else 0


def run(client, code):
    """Runs code; returns (text/plain of its result, what it wrote to stderr)."""
    values, errors = [], []

    def keep(msg):
        if msg["msg_type"] == "execute_result":
            values.append(msg["content"]["data"].get("text/plain"))
        elif msg["msg_type"] == "stream" and msg["content"]["name"] == "stderr":
            errors.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            errors.append("\n".join(msg["content"]["traceback"]))

    client.execute_interactive(code, timeout=60, output_hook=keep)
    return (values[0] if values else None), "".join(errors)


if __name__ == "__main__":
    sys.exit(main())
