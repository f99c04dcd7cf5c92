#!/usr/bin/python3
"""End-to-end test of the installed `java` kernel through Jupyter's own client.

Starts the kernel N times (default 30); each time runs `1+1` and a cell that displays a small XChart chart,
then shuts it down and checks its process is gone. Then checks that an interrupt stops a busy cell while the
kernel keeps its variables, and that a kernel whose parent dies exits. Prints a summary; exits 1 on any failure.

Run with Debian's Python (the one that has jupyter_client): /usr/bin/python3 kernel_starts.py [--starts N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import textwrap
import time

from jupyter_client.manager import KernelManager

KERNEL = os.environ.get("L2RL_KERNEL", "java")  # the launcher installs the kernelspec under this name
READY_TIMEOUT = 60
CELL_TIMEOUT = 60
EXIT_TIMEOUT = 15
CHART_CELL = textwrap.dedent("""\
    var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(150).title("e2e").build();
    chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
    display(chart);
    """)


def run_cell(client, code, timeout=CELL_TIMEOUT):
    """Runs code; returns (reply content, list of (msg_type, data) outputs)."""
    outputs = []

    def keep(msg):
        if msg["msg_type"] in ("execute_result", "display_data", "stream", "error"):
            outputs.append((msg["msg_type"], msg["content"]))

    reply = client.execute_interactive(code, timeout=timeout, output_hook=keep)
    return reply["content"], outputs


def text_result(outputs):
    for kind, content in outputs:
        if kind == "execute_result":
            return content["data"].get("text/plain")
    return None


def has_png(outputs):
    return any(kind == "display_data" and "image/png" in content["data"] for kind, content in outputs)


def process_gone(pid, timeout=EXIT_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        # A zombie (exited, not yet reaped) counts as gone.
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().split()[2] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.1)
    return False


def start():
    km = KernelManager(kernel_name=KERNEL)
    km.start_kernel()
    client = km.client()
    client.start_channels()
    client.wait_for_ready(timeout=READY_TIMEOUT)
    return km, client


def stop(km, client):
    client.stop_channels()
    km.shutdown_kernel(now=False)


def one_start(run):
    """One start/answer/shutdown cycle; returns a dict of timings and a list of problems."""
    problems, times = [], {}
    t0 = time.monotonic()
    try:
        km, client = start()
    except Exception as e:  # noqa: BLE001 - any failure to start is the result being measured
        return {"run": run}, [f"did not start: {e!r}"]
    times["ready"] = time.monotonic() - t0
    pid = km.provisioner.process.pid
    try:
        reply, outputs = run_cell(client, "1+1")
        times["first_result"] = time.monotonic() - t0
        if reply["status"] != "ok" or text_result(outputs) != "2":
            problems.append(f"1+1 gave {reply['status']} {outputs}")
        t1 = time.monotonic()
        reply, outputs = run_cell(client, CHART_CELL)
        times["chart"] = time.monotonic() - t1
        if reply["status"] != "ok" or not has_png(outputs):
            problems.append(f"chart cell gave {reply['status']} {outputs}")
    except Exception as e:  # noqa: BLE001
        problems.append(f"did not answer: {e!r}")
    t2 = time.monotonic()
    stop(km, client)
    times["shutdown"] = time.monotonic() - t2
    if not process_gone(pid):
        problems.append(f"kernel process {pid} still running after shutdown")
        os.kill(pid, 9)
    return {"run": run, **times}, problems


def interrupt_test():
    problems = []
    km, client = start()
    pid = km.provisioner.process.pid
    try:
        run_cell(client, "int kept = 21;")
        for busy in ("while (true) {}", "while (true) { Thread.sleep(100); }"):
            msg_id = client.execute(busy)
            time.sleep(1.5)
            t0 = time.monotonic()
            km.interrupt_kernel()
            reply = client.get_shell_msg(timeout=CELL_TIMEOUT)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = client.get_shell_msg(timeout=CELL_TIMEOUT)
            took = time.monotonic() - t0
            status = reply["content"]["status"]
            ename = reply["content"].get("ename")
            print(f"  interrupt of {busy!r}: reply {status}/{ename} after {took:.2f}s")
            if status != "error" or ename != "Interrupted":
                problems.append(f"interrupting {busy!r} gave {status}/{ename}")
        reply, outputs = run_cell(client, "kept * 2")
        if text_result(outputs) != "42":
            problems.append(f"after interrupts, kept * 2 gave {reply['status']} {outputs}")
        else:
            print("  after interrupts the kernel still answers and kept its variables (kept * 2 = 42)")
    finally:
        stop(km, client)
    if not process_gone(pid):
        problems.append(f"kernel process {pid} still running after shutdown")
    return problems


ORPHAN_SCRIPT = textwrap.dedent(f"""\
    import sys, time
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name={KERNEL!r})
    km.start_kernel()
    print(km.provisioner.process.pid, flush=True)
    time.sleep(600)
    """)


def parent_death_test():
    """Kills (SIGKILL) the process that started a kernel; the kernel must notice and exit."""
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT], stdout=subprocess.PIPE, text=True)
    pid = int(parent.stdout.readline())
    time.sleep(3)
    parent.kill()
    parent.wait()
    t0 = time.monotonic()
    gone = process_gone(pid)
    print(f"  kernel {'exited' if gone else 'still running'} {time.monotonic() - t0:.2f}s after its parent was killed")
    if not gone:
        os.kill(pid, 9)
        return ["kernel outlived its killed parent"]
    return []


def summarize(name, values):
    if not values:
        return f"{name}: n/a"
    return (f"{name}: median {statistics.median(values):.2f}s, min {min(values):.2f}s, "
            f"max {max(values):.2f}s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=30)
    args = parser.parse_args()

    failures = []
    results = []
    print(f"Starting kernel '{KERNEL}' {args.starts} times")
    for run in range(1, args.starts + 1):
        times, problems = one_start(run)
        results.append(times)
        line = " ".join(f"{k}={v:.2f}s" for k, v in times.items() if k != "run")
        print(f"  start {run:2d}: {'ok ' if not problems else 'FAIL'} {line} {'; '.join(problems)}", flush=True)
        failures += [f"start {run}: {p}" for p in problems]

    started = sum(1 for r in results if "ready" in r)
    answered = sum(1 for r in results if "chart" in r)
    print("Interrupt")
    failures += interrupt_test()
    print("Parent death")
    failures += parent_death_test()

    print("\nSummary")
    print(f"  started {started}/{args.starts}, answered {answered}/{args.starts}")
    for key in ("ready", "first_result", "chart", "shutdown"):
        print("  " + summarize(key, [r[key] for r in results if key in r]))
    if failures:
        print(f"FAILED ({len(failures)}):")
        for failure in failures:
            print("  " + failure)
        return 1
    print("ALL OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
