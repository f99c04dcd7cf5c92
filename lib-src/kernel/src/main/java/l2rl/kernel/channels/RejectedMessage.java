package l2rl.kernel.channels;

import org.dflib.jjava.jupyter.messages.Message;

/**
 * A message the kernel drops: why, and — when its sender proved itself with a valid signature and its header is
 * readable — the request (header and identities, no content) that an error reply can answer.
 */
final class RejectedMessage extends Exception {
    private final transient Message<?> answerable;

    RejectedMessage(String reason) {
        this(reason, null);
    }

    RejectedMessage(String reason, Message<?> answerable) {
        super(reason, null, false, false); // a drop is routine: no stack trace to fill
        this.answerable = answerable;
    }

    /** The validly signed request to answer with an error reply, or null when nothing may be answered. */
    Message<?> answerable() {
        return answerable;
    }
}
