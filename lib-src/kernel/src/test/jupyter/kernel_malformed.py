#!/usr/bin/python3
"""Sends the installed `java` kernel every kind of malformed or wrongly signed message, on shell, control and
stdin, and checks that it drops each one (nothing runs), logs one line for it on its stderr, answers an error reply
where the request was validly signed, and still executes cells afterwards. Also floods it with bad messages and
checks the log stays rate-limited.

The bad messages come from a second, raw ZeroMQ client (any local process can connect to the kernel's ports);
the cells that must still work come from Jupyter's own client. Prints each case with the kernel's log line and a
summary; exits 1 on any failure.

Run with Debian's Python (the one that has jupyter_client): /usr/bin/python3 kernel_malformed.py
"""
import json
import os
import sys
import tempfile
import time

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

KERNEL = os.environ.get("L2RL_KERNEL", "java")
DELIM = b"<IDS|MSG>"
CAP = 64 << 20  # the kernel's cap on one message (l2rl.kernel.channels.WireFormat.MAX_MESSAGE_BYTES)
SOCKET_MAX_FRAME = 4 * CAP  # ZeroMQ's own limit on one frame there (WireFormat.SOCKET_MAX_FRAME_BYTES)
LOG_WAIT = 5.0
# Code that must never run: if any bad message were executed, the marker property would be set.
EVIL_CODE = 'System.setProperty("l2rl.malformed.ran", "yes");'
FLOOD = 60
LINES_PER_SECOND = 10  # l2rl.kernel.channels.DropLog.LINES_PER_SECOND


class Kernel:
    def __init__(self):
        self.log = tempfile.NamedTemporaryFile(prefix="kernel-stderr-", suffix=".log", delete=False)
        self.km = KernelManager(kernel_name=KERNEL)
        self.km.start_kernel(stderr=self.log)
        self.client = self.km.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        info = self.km.get_connection_info()
        self.session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
        self.ctx = zmq.Context()
        self.sockets = {}
        for channel in ("shell", "control", "stdin"):
            self.sockets[channel] = self.raw_socket(channel)
        self.log_seen = 0

    def raw_socket(self, channel):
        info = self.km.get_connection_info()
        socket = self.ctx.socket(zmq.DEALER)
        socket.linger = 0
        socket.connect(f"{info['transport']}://{info['ip']}:{info[channel + '_port']}")
        return socket

    def send(self, channel, frames):
        self.sockets[channel].send_multipart(frames)

    def reply(self, channel, timeout=5.0):
        socket = self.sockets[channel]
        if socket.poll(int(timeout * 1000)):
            frames = socket.recv_multipart()
            return json.loads(frames[frames.index(DELIM) + 5])
        return None

    def new_log_lines(self, timeout=LOG_WAIT, at_least=1):
        """The kernel's stderr lines about dropped messages written since the last call."""
        deadline = time.monotonic() + timeout
        while True:
            with open(self.log.name, encoding="utf-8", errors="replace") as f:
                lines = [line.rstrip("\n") for line in f if line.startswith("l2rl kernel:")]
            fresh = lines[self.log_seen:]
            if len(fresh) >= at_least or time.monotonic() > deadline:
                self.log_seen = len(lines)
                return fresh
            time.sleep(0.05)

    def execute(self, code, **kwargs):
        outputs = []

        def keep(msg):
            if msg["msg_type"] in ("execute_result", "stream", "error"):
                outputs.append(msg["content"])

        reply = self.client.execute_interactive(code, timeout=60, output_hook=keep, **kwargs)
        text = [o["data"].get("text/plain") for o in outputs if "data" in o]
        return reply["content"]["status"], (text[0] if text else None)

    def close(self):
        self.client.stop_channels()
        self.km.shutdown_kernel(now=False)
        for socket in self.sockets.values():
            socket.close()
        self.ctx.term()
        self.log.close()


def signed(session, msg_type, content, header=None):
    """The wire frames of a message signed with `session`'s key (identities are added by the DEALER socket)."""
    msg = session.msg(msg_type, content)
    if header is not None:
        msg["header"] = header
    return session.serialize(msg)


def resigned(session, frames):
    """frames (DELIM, sig, header, parent, metadata, content, ...) with the signature recomputed over them."""
    return [frames[0], session.sign(frames[2:6])] + frames[2:]


def cases(k):
    """Each bad message: (name, channel, frames, what the kernel's log line must say or None for no line, whether an
    error reply is due). After a frame above the socket's limit ZeroMQ closes the raw client's connection, which
    reconnects by itself (ZeroMQ's own reconnect), so the cases after it still arrive."""
    s = k.session
    wrong_key = Session(key=b"not-the-key", signature_scheme="hmac-sha256")
    good = signed(s, "execute_request", {"code": EVIL_CODE, "silent": False})
    good_header = json.loads(good[2])
    headerless = dict(good_header)
    del headerless["msg_type"]
    yield "wrong signature", "shell", signed(wrong_key, "execute_request", {"code": EVIL_CODE}), "wrong signature", False
    yield "no signature", "shell", [good[0], b""] + good[2:], "missing signature", False
    yield "too few frames", "shell", good[:3], "too few frames", False
    yield "no delimiter", "shell", [b"just one frame"], "no <IDS|MSG> delimiter", False
    yield "header not UTF-8", "shell", resigned(s, [DELIM, b""] + [b"\xff\xfe{}"] + good[3:]), "not UTF-8", False
    yield "content not JSON", "shell", resigned(s, good[:5] + [b"{\"code\": "]), "not JSON", False
    yield "content not an object", "shell", resigned(s, good[:5] + [b"[1, 2]"]), "not a JSON object", False
    yield ("header without msg_type", "shell",
           resigned(s, [DELIM, b"", json.dumps(headerless).encode()] + good[3:]), "without msg_type", False)
    yield ("code of the wrong type", "shell", signed(s, "execute_request", {"code": 42}),
           "\"code\" is not a string", True)
    yield "code missing", "shell", signed(s, "execute_request", {"silent": False}), "without \"code\"", True
    yield ("cursor_pos of the wrong type", "shell", signed(s, "complete_request", {"code": "Ma", "cursor_pos": "2"}),
           "\"cursor_pos\" is not an integer", True)
    yield "a frame above the cap", "shell", good + [b"x" * (CAP + 1)], "above the 64 MiB cap", False
    # ZeroMQ itself refuses this one, closing the sender's connection before the kernel allocates it: no line.
    yield "a frame above the socket's limit", "shell", good + [b"x" * (SOCKET_MAX_FRAME + 1)], None, False
    yield ("frames above the cap together", "shell", good + [b"x" * (CAP // 2 + 1)] * 2, "above the 64 MiB cap",
           False)
    yield ("shutdown with a wrong signature", "control", signed(wrong_key, "shutdown_request", {"restart": False}),
           "wrong signature", False)
    yield ("shutdown with restart of the wrong type", "control", signed(s, "shutdown_request", {"restart": "no"}),
           "\"restart\" is not a boolean", True)
    yield "control: too few frames", "control", good[:4], "too few frames", False


def main():
    k = Kernel()
    results = []

    def check(name, ok, detail=""):
        print(f"  {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        results.append(ok)

    try:
        print(f"Malformed messages to kernel '{KERNEL}'")
        for name, channel, frames, logged, answered in cases(k):
            k.send(channel, frames)
            reply = k.reply(channel, timeout=3.0 if answered else 0.5)
            lines = k.new_log_lines(timeout=LOG_WAIT if logged else 1.0)
            line = lines[0] if lines else "(no log line)"
            ok = len(lines) == 1 and logged in line if logged else not lines
            if answered:
                ok = ok and reply is not None and reply.get("status") == "error"
            elif reply is not None:
                ok = False
            status, value = k.execute("1 + 1")
            ok = ok and status == "ok" and value == "2"
            check(f"{channel:7s} {name}", ok, line + ("; error reply" if reply else "")
                  + ("" if status == "ok" else f"; then 1 + 1 gave {status}"))
            time.sleep(0.15)  # stay under the log's rate limit, so every case gets its own line

        # stdin: bad messages queued there are dropped while a cell waits for input, and the real answer arrives.
        k.send("stdin", signed(Session(key=b"wrong"), "input_reply", {"value": "forged"}))
        k.send("stdin", [DELIM, b"", b"{}"])
        k.send("stdin", signed(k.session, "input_reply", {"value": 7}))

        def answer(msg):
            k.client.input("typed by the user")

        status, value = k.execute('new java.util.Scanner(System.in).nextLine()', allow_stdin=True,
                                  stdin_hook=answer)
        lines = k.new_log_lines(at_least=3)
        check("stdin   a forged, a short and an ill-typed input_reply before the real one",
              status == "ok" and value == "typed by the user" and len(lines) == 3
              and all("on stdin" in line for line in lines), f"value {value}; " + " | ".join(lines))

        status, value = k.execute('String.valueOf(System.getProperty("l2rl.malformed.ran"))')
        check("no dropped message ran", status == "ok" and value == "null", f"the marker property is {value}")

        time.sleep(1.1)
        for _ in range(FLOOD):
            k.send("shell", [DELIM, b"bad", b"{}", b"{}", b"{}", b"{}"])
        lines = k.new_log_lines(timeout=4.0, at_least=LINES_PER_SECOND + 1)
        summary = [line for line in lines if "suppressed" in line]
        check(f"a flood of {FLOOD} bad messages is logged in at most {LINES_PER_SECOND} lines and a summary",
              len(lines) == LINES_PER_SECOND + 1 and len(summary) == 1
              and f"{FLOOD - LINES_PER_SECOND} more lines" in summary[0], summary[0] if summary else f"{len(lines)} lines")
        status, value = k.execute("21 * 2")
        check("the kernel still answers after the flood", status == "ok" and value == "42")
    finally:
        k.close()
    failed = results.count(False)
    print(f"malformed: {len(results) - failed} passed, {failed} failed")
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
