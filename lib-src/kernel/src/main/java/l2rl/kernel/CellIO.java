package l2rl.kernel;

import java.nio.charset.Charset;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;

/**
 * A running cell's stdout, stderr, stdin and displays, sent to the request that runs it. jjava attaches these
 * only from inside its own package; this subclass lets our execute handler do it, and adds clear_output.
 */
final class CellIO extends JupyterIO {

    private volatile ShellReplyEnvironment env;

    CellIO(Charset encoding) {
        super(encoding);
    }

    void attach(ShellReplyEnvironment env, boolean allowStdin) {
        this.env = env;
        setEnv(env);
        setJupyterInEnabled(allowStdin);
    }

    /** Sends what the cell printed without a final newline. */
    void flush() {
        out.flush();
        err.flush();
    }

    void detach(ShellReplyEnvironment env) {
        flush();
        retractEnv(env);
        if (this.env == env) {
            this.env = null;
        }
    }

    /**
     * Clears the cell's output shown so far; with {@code wait}, only when the next output arrives (no flicker
     * when redrawing). Does nothing outside a running cell.
     */
    void clearOutput(boolean wait) {
        var current = env;
        if (current != null) {
            // What was printed before the call must be cleared too, so it goes out first.
            flush();
            current.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }
}
