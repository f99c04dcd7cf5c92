package l2rl.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava's connection with the channels a client writes to — shell, control and stdin — replaced by guarded ones that
 * drop malformed or wrongly signed messages and keep serving ({@link GuardedShellChannel},
 * {@link GuardedStdinChannel}), and its heartbeat by one that shuts down cleanly ({@link Heartbeat}). Iopub, which
 * the kernel only writes to, stays jjava's. jjava's own shell, control, stdin and heartbeat sockets are created by
 * its constructor but never bound.
 */
public final class GuardedConnection extends JupyterConnection {
    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final DropLog dropLog = new DropLog(System.err);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private final GuardedStdinChannel guardedStdin;
    private final Heartbeat heartbeatEcho;
    private boolean connected;

    public GuardedConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        var hmac = props.createHMACGenerator();
        guardedShell = new GuardedShellChannel(context, hmac, false, this, dropLog);
        guardedControl = new GuardedShellChannel(context, hmac, true, this, dropLog);
        guardedStdin = new GuardedStdinChannel(context, hmac, dropLog);
        heartbeatEcho = new Heartbeat(context);
    }

    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        heartbeatEcho.bind(props);
        iopub.bind(props);
        guardedStdin.bind(props);
        guardedControl.bind(props);
        guardedShell.bind(props);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    /** Replies go out on the channel the request came in on; input is read through the guarded stdin channel. */
    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel channel, MessageContext context) {
        return new ShellReplyEnvironment(channel, guardedStdin, getIOPub(), context) { };
    }

    @Override
    public synchronized void close() {
        guardedShell.close();
        guardedControl.close();
        guardedStdin.close();
        heartbeatEcho.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        super.waitUntilClose();
    }
}
