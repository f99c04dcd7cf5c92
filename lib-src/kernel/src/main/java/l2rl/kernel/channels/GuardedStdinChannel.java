package l2rl.kernel.channels;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/**
 * The stdin channel, read only while a cell waits for input. jjava takes the first message that arrives as the
 * answer and throws on a bad one, into the cell; here a malformed, wrongly signed or unrelated message (anything
 * but the input_reply to this very input_request) is dropped with one line on stderr, and the cell goes on waiting.
 */
final class GuardedStdinChannel extends StdinChannel {
    private final DropLog dropLog;

    GuardedStdinChannel(ZMQ.Context context, HMACGenerator hmac, DropLog dropLog) {
        super(context, hmac);
        this.dropLog = dropLog;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        setMaxMsgSize(WireFormat.SOCKET_MAX_FRAME_BYTES);
        super.bind(props);
    }

    @Override
    public synchronized String getInput(MessageContext context, String prompt, boolean isPassword) {
        var request = new Message<>(context, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, isPassword));
        sendMessage(request);
        while (true) {
            var frames = WireFormat.receiveFrames(this);
            if (frames.isEmpty()) {
                throw new IllegalStateException("the stdin channel closed while waiting for input");
            }
            try {
                var message = WireFormat.parse(frames, hmacGenerator);
                var type = message.getHeader().getType();
                if (type != InputReply.MESSAGE_TYPE) {
                    dropLog.dropped("stdin", "a " + type.getName() + " where an input_reply was awaited");
                } else if (message.getParentHeader() != null
                        && !request.getHeader().getId().equals(message.getParentHeader().getId())) {
                    dropLog.dropped("stdin", "an input_reply to another input_request");
                } else {
                    return ((InputReply) message.getContent()).getValue() + System.lineSeparator();
                }
            } catch (RejectedMessage rejected) {
                dropLog.dropped("stdin", rejected.getMessage()); // nothing on stdin is a request: nothing to answer
            }
        }
    }
}
