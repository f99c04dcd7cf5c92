#!/usr/bin/python3
"""Jupyter's own kernel conformance suite (jupyter_kernel_test) run against the installed `java` kernel.

Every test the suite offers gets samples here (none may be skipped), and a few tests cover what the suite does
not: inspection of a JDK method and class, a session variable and a library class; silent execution with
user_expressions; comm_info, interrupt and shutdown replies; an error reply to a request type the kernel does
not know. Each reply is checked against the suite's message schemas.

Run with Debian's Python (it has jupyter_kernel_test): /usr/bin/python3 kernel_conformance.py
Prints unittest's report and a summary line; exits 1 on any failure or skipped test.
"""
import os
import sys
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel
from jupyter_kernel_test.msgspec_v5 import validate_message

TIMEOUT = jupyter_kernel_test.TIMEOUT
CHART = ('var conformanceChart = new org.knowm.xchart.XYChartBuilder().width(120).height(90).build();\n'
         'conformanceChart.addSeries("s", new double[] {1, 2}, new double[] {2, 1});\n')


class JavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("L2RL_KERNEL", "java")
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'
    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": 'int n = 1;\n"text".toUpperC', "matches": {"toUpperCase("}},
    ]
    complete_code_samples = ["1 + 1", "int done = 1;", 'System.out.println("hi");', "void f() {}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int x =", "class A {", "/* unfinished comment"]
    invalid_code_samples = ["}", "int x = );", '"unterminated']
    # IPython's "name?" pages the name's documentation; so does this kernel.
    code_page_something = "Math.max?"
    code_generate_error = 'throw new IllegalStateException("expected");'
    code_execute_result = [
        {"code": "1 + 2 + 3", "result": "6"},
        {"code": '"con" + "cat"', "result": "concat"},
        {"code": CHART + "conformanceChart", "mime": "image/png"},
    ]
    code_display_data = [
        {"code": CHART + "display(conformanceChart);", "mime": "image/png"},
        {"code": 'display("shown");', "mime": "text/plain"},
    ]
    # Must match exactly one distinct code run in this session (the unique search expects one entry).
    code_history_pattern = "1 + 2*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_clear_output = 'System.out.println("soon gone"); clearOutput();'

    def reply_to(self, msg_id, msg_type):
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, msg_type, msg_id)
        return reply["content"]

    def test_inspect_java_names(self):
        self.flush_channels()
        self.execute_helper("int inspectedCount = 3;")
        for code, expected in [("Math.max", "int Math.max(int a, int b)"),
                               ("String", "java.lang.String"),
                               ("inspectedCount", "inspectedCount:int"),
                               ("l2rl.env.Tasks", "The registry of task ids")]:
            with self.subTest(code=code):
                content = self.reply_to(self.kc.inspect(code), "inspect_reply")
                self.assertTrue(content["found"])
                self.assertIn(expected, content["data"]["text/plain"])

    def test_silent_execution_with_user_expressions(self):
        self.flush_channels()
        reply, _ = self.execute_helper("int counted = 41;")
        count = reply["content"]["execution_count"]
        content = self.reply_to(self.kc.execute("counted++;", silent=True, user_expressions={"next": "counted + 1"}),
                                "execute_reply")
        self.assertEqual(content["execution_count"], count, "a silent cell does not advance the count")
        self.assertEqual(content["user_expressions"]["next"]["status"], "ok")
        self.assertEqual(content["user_expressions"]["next"]["data"]["text/plain"], "43")

    def test_comm_info(self):
        self.flush_channels()
        content = self.reply_to(self.kc.comm_info(), "comm_info_reply")
        self.assertEqual(content["comms"], {})

    def test_interrupt_reply(self):
        self.flush_channels()
        request = self.kc.session.msg("interrupt_request", {})
        self.kc.control_channel.send(request)
        reply = self.kc.get_control_msg(timeout=TIMEOUT)
        validate_message(reply, "interrupt_reply", request["header"]["msg_id"])

    def test_unknown_request_gets_an_error_reply(self):
        self.flush_channels()
        request = self.kc.session.msg("no_such_request", {})
        self.kc.shell_channel.send(request)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], request["header"]["msg_id"])
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("ename", reply["content"])

    def test_shutdown_reply(self):
        km, kc = start_new_kernel(kernel_name=self.kernel_name)
        try:
            request = kc.session.msg("shutdown_request", {"restart": False})
            kc.control_channel.send(request)
            reply = kc.get_control_msg(timeout=TIMEOUT)
            validate_message(reply, "shutdown_reply", request["header"]["msg_id"])
            self.assertFalse(reply["content"]["restart"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def main():
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    print(f"conformance: {result.testsRun} tests, {failed} failed, {skipped} skipped "
          f"(jupyter_kernel_test {jupyter_kernel_test.__version__})")
    return 0 if failed == 0 and skipped == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
