package l2rl.kernel.channels;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.zeromq.ZMQ;

/**
 * Reads one Jupyter message off the wire (messaging spec 5.3, "The Wire Protocol") and refuses anything that is not
 * one. A message is [identities..., "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content,
 * buffers...]; the signature is the HMAC of the four JSON frames under the connection key.
 *
 * <p>Unlike jjava's reader, which throws from the channel's thread (ending it, so the kernel stops answering)
 * and binds unchecked JSON: all of a message's frames are taken off the socket before anything is checked, so a
 * bad message never leaves the next one misaligned; the signature is checked before any JSON is parsed, in constant
 * time; every frame must be UTF-8 JSON of the right shape; the header must name its type; content fields must have
 * their spec types; and a message above {@link #MAX_MESSAGE_BYTES} in total is refused.
 */
public final class WireFormat {
    /**
     * The largest message the kernel takes, all frames together: far above any request a notebook sends (a cell's
     * code). A larger one is read, dropped and logged.
     */
    public static final long MAX_MESSAGE_BYTES = 64L << 20;

    /**
     * The sockets' own limit on one frame (ZeroMQ's MAXMSGSIZE), so that a huge frame is never allocated on the
     * kernel's heap. ZeroMQ refuses such a frame by closing its sender's connection, and the kernel sees no more of it
     * than a client that leaves, so it cannot log it: this limit is set above {@link #MAX_MESSAGE_BYTES}, which is
     * where messages are refused with a line in the log.
     */
    public static final long SOCKET_MAX_FRAME_BYTES = 4 * MAX_MESSAGE_BYTES;

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final String[] FRAME_NAMES = {"header", "parent_header", "metadata", "content"};
    private static final Type METADATA = new TypeToken<Map<String, Object>>() { }.getType();
    private static final List<String> HEADER_STRINGS = List.of("msg_id", "msg_type", "session", "username", "version");
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(org.dflib.jjava.jupyter.messages.request.HistoryRequest.class,
                    HistoryRequestAdapter.INSTANCE)
            .create();

    private WireFormat() {
    }

    /** Takes every frame of the next message off {@code socket} (blocking until one is there). */
    static List<byte[]> receiveFrames(ZMQ.Socket socket) {
        var frames = new ArrayList<byte[]>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) {
                break; // the socket closed under us
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
        return frames;
    }

    /** The message in {@code frames}, or why it is refused. */
    static Message<?> parse(List<byte[]> frames, HMACGenerator hmac) throws RejectedMessage {
        long bytes = frames.stream().mapToLong(frame -> frame.length).sum();
        if (bytes > MAX_MESSAGE_BYTES) {
            throw new RejectedMessage(bytes + " bytes, above the " + (MAX_MESSAGE_BYTES >> 20) + " MiB cap");
        }
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) {
            throw new RejectedMessage("no <IDS|MSG> delimiter among its " + frames.size() + " frames");
        }
        int after = frames.size() - delimiter - 1;
        if (after < 5) {
            throw new RejectedMessage("too few frames (" + after + " after the delimiter, 5 needed: signature, "
                    + "header, parent_header, metadata, content)");
        }
        var identities = new ArrayList<>(frames.subList(0, delimiter));
        byte[] signature = frames.get(delimiter + 1);
        var json = frames.subList(delimiter + 2, delimiter + 6).toArray(byte[][]::new);
        var blobs = new ArrayList<>(frames.subList(delimiter + 6, frames.size()));
        checkSignature(signature, json, hmac);

        var parts = new JsonObject[4];
        for (int i = 0; i < 4; i++) {
            parts[i] = jsonObject(FRAME_NAMES[i], json[i]);
        }
        var header = header(parts[0]);
        var parentHeader = parts[1].isEmpty() ? null : headerOrNull(parts[1]);
        Map<String, Object> metadata = GSON.fromJson(parts[2], METADATA);
        var type = header.getType();
        var request = new Message<>(identities, header, parentHeader, metadata, null, blobs);

        var violation = ContentSchema.violation(type.getName(), parts[3]);
        if (violation != null) {
            throw new RejectedMessage(violation, request);
        }
        Object content;
        try {
            content = GSON.fromJson(parts[3], type.getContentType());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new RejectedMessage(type.getName() + " whose content cannot be read: " + e.getMessage(), request);
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Message<?> message = new Message(identities, header, parentHeader, metadata, content, blobs);
        return message;
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void checkSignature(byte[] received, byte[][] json, HMACGenerator hmac) throws RejectedMessage {
        String expected = hmac.calculateSignature(json);
        if (expected == null) {
            return; // the connection has no key: Jupyter's "no authentication"
        }
        if (received.length == 0) {
            throw new RejectedMessage("missing signature");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), received)) {
            throw new RejectedMessage("wrong signature");
        }
    }

    private static JsonObject jsonObject(String name, byte[] frame) throws RejectedMessage {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedMessage("its " + name + " frame is not UTF-8");
        }
        JsonElement element;
        try {
            element = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new RejectedMessage("its " + name + " frame is not JSON");
        }
        if (!element.isJsonObject()) {
            throw new RejectedMessage("its " + name + " frame is not a JSON object");
        }
        return element.getAsJsonObject();
    }

    private static Header<?> header(JsonObject json) throws RejectedMessage {
        for (var field : HEADER_STRINGS) {
            var value = json.get(field);
            if (value == null || value.isJsonNull()) {
                throw new RejectedMessage("a header without " + field);
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw new RejectedMessage("a header whose " + field + " is not a string");
            }
        }
        try {
            return GSON.fromJson(json, Header.class);
        } catch (RuntimeException e) {
            throw new RejectedMessage("an unreadable header (" + e.getMessage() + ")");
        }
    }

    /** A parent header only gives replies their context: a malformed one is not worth refusing a request for. */
    private static Header<?> headerOrNull(JsonObject json) {
        try {
            return header(json);
        } catch (RejectedMessage e) {
            return null;
        }
    }
}
