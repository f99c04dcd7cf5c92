package l2rl.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the l2rl command line in this JVM: its exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        // Commands print their tables on System.out, so it is captured too.
        var stdout = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            int code = cli.execute(args);
            return new CliRun(code, captured + out.toString(), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }
}
