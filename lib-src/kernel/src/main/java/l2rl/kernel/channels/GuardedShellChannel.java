package l2rl.kernel.channels;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

/**
 * The shell or control channel, with our own reading loop in place of jjava's: jjava's loop throws out of its
 * thread on a badly signed or malformed message, and with the thread gone the kernel answers nothing more. Here
 * every message is read whole and checked ({@link WireFormat}); a bad one is dropped with one line on stderr
 * ({@link DropLog}), answered with an error reply where its sender signed it validly, and the loop goes on.
 * Handling is jjava's: the connection's handler for the message's type, run on this channel's thread.
 */
final class GuardedShellChannel extends ShellChannel {
    private static final int POLL_MILLIS = 100;

    private final boolean isControl;
    private final JupyterConnection connection;
    private final DropLog dropLog;
    private volatile boolean running;
    private Thread loop;

    GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection,
                        DropLog dropLog) {
        super(context, hmac, isControl, connection);
        this.isControl = isControl;
        this.connection = connection;
        this.dropLog = dropLog;
    }

    String channelName() {
        return isControl ? "control" : "shell";
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException(channelName() + " channel already bound");
        }
        setMaxMsgSize(WireFormat.SOCKET_MAX_FRAME_BYTES);
        bind(formatAddress(props.getTransport(), props.getIp(),
                isControl ? props.getControlPort() : props.getShellPort()));
        running = true;
        loop = new Thread(this::serve, isControl ? "Control" : "Shell");
        loop.start();
    }

    private void serve() {
        var poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                if (poller.poll(POLL_MILLIS) > 0 && running) {
                    handle(WireFormat.receiveFrames(this));
                }
            }
        } catch (RuntimeException e) {
            // Only a socket closed under the loop gets here (handlers' failures are caught below).
            if (running) {
                logger.warn("{} channel stopped: {}", channelName(), e.toString());
            }
        } finally {
            poller.close();
        }
    }

    private void handle(List<byte[]> frames) {
        Message<?> message;
        try {
            message = WireFormat.parse(frames, hmacGenerator);
        } catch (RejectedMessage rejected) {
            dropLog.dropped(channelName(), rejected.getMessage());
            if (rejected.answerable() != null) {
                answerWithError(rejected.answerable(), rejected.getMessage());
            }
            return;
        }
        dispatch(message);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message message) {
        var handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            dropLog.dropped(channelName(), "no handler for " + message.getHeader().getType().getName());
            return;
        }
        var env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.warn("Unhandled exception handling {}. {} - {}", message.getHeader().getType().getName(),
                    e.getClass().getSimpleName(), e.getLocalizedMessage());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    /** A request whose reply the client waits for gets one, saying what was wrong; other messages get none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void answerWithError(Message<?> request, String reason) {
        var name = request.getHeader().getType().getName();
        if (!name.endsWith("_request")) {
            return; // comm messages and the like have no reply
        }
        var replyType = MessageType.getType(name.substring(0, name.length() - "_request".length()) + "_reply");
        var env = connection.prepareReplyEnv(this, request);
        env.setBusyDeferIdle();
        env.reply(new Message(env.getContext(), replyType, Map.of("status", "error", "ename", "BadRequest",
                "evalue", "the kernel dropped this request: " + reason, "traceback", List.of())));
        env.resolveDeferrals();
    }

    @Override
    public void close() {
        running = false;
        var thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(2 * POLL_MILLIS + 1000); // a busy cell may hold the shell thread: do not wait for it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        var thread = loop;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
