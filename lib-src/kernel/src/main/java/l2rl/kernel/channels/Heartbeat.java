package l2rl.kernel.channels;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The heartbeat channel: echoes every message back, so a client can tell the kernel is alive. jjava's own one
 * blocks in a receive that ends in a "Context was terminated" stack trace on some shutdowns; this one polls, and its
 * thread alone uses and closes its socket.
 */
final class Heartbeat {
    private static final int POLL_MILLIS = 100;

    private final ZMQ.Context context;
    private final ZMQ.Socket socket;
    private volatile boolean running;
    private Thread loop;

    Heartbeat(ZMQ.Context context) {
        this.context = context;
        socket = context.socket(SocketType.REP);
    }

    void bind(KernelConnectionProperties props) {
        socket.setMaxMsgSize(WireFormat.SOCKET_MAX_FRAME_BYTES);
        socket.setLinger(0);
        socket.bind(props.getTransport() + "://" + props.getIp() + ":" + props.getHbPort());
        running = true;
        loop = new Thread(this::echo, "Heartbeat");
        loop.setDaemon(true);
        loop.start();
    }

    private void echo() {
        var poller = context.poller(1);
        try {
            poller.register(socket, ZMQ.Poller.POLLIN);
            while (running) {
                if (poller.poll(POLL_MILLIS) > 0 && poller.pollin(0)) {
                    var ping = socket.recv(ZMQ.DONTWAIT);
                    if (ping != null) {
                        socket.send(ping);
                    }
                }
            }
        } finally {
            poller.close();
            socket.close();
        }
    }

    /** Stops the echo loop, which closes the socket, and waits for it. */
    void close() {
        running = false;
        var thread = loop;
        if (thread == null) {
            socket.close();
            return;
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
