package l2rl.kernel.channels;

import java.util.Map;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The JSON type of each content field of the messages a client sends the kernel (messaging spec 5.3). jjava's
 * Gson binding would turn {@code "code": 42} into the cell {@code "42"} and a missing code into a null that fails
 * later, so a request is checked against this table before any handler sees it.
 */
final class ContentSchema {

    enum Kind {
        STRING, BOOLEAN, INTEGER, OBJECT;

        boolean matches(JsonElement value) {
            return switch (this) {
                case STRING -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
                case BOOLEAN -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
                case INTEGER -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() && isInt(value);
                case OBJECT -> value.isJsonObject();
            };
        }

        private static boolean isInt(JsonElement value) {
            double d = value.getAsDouble();
            return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
        }

        String article() {
            return switch (this) {
                case STRING -> "a string";
                case BOOLEAN -> "a boolean";
                case INTEGER -> "an integer";
                case OBJECT -> "an object";
            };
        }
    }

    /** A field's type and whether the request is meaningless without it. */
    record Field(Kind kind, boolean required) {
        static Field required(Kind kind) {
            return new Field(kind, true);
        }

        static Field optional(Kind kind) {
            return new Field(kind, false);
        }
    }

    private static final Map<String, Map<String, Field>> FIELDS = Map.ofEntries(
            Map.entry("execute_request", Map.of(
                    "code", Field.required(Kind.STRING), "silent", Field.optional(Kind.BOOLEAN),
                    "store_history", Field.optional(Kind.BOOLEAN), "user_expressions", Field.optional(Kind.OBJECT),
                    "allow_stdin", Field.optional(Kind.BOOLEAN), "stop_on_error", Field.optional(Kind.BOOLEAN))),
            Map.entry("inspect_request", Map.of(
                    "code", Field.required(Kind.STRING), "cursor_pos", Field.required(Kind.INTEGER),
                    "detail_level", Field.optional(Kind.INTEGER))),
            Map.entry("complete_request", Map.of(
                    "code", Field.required(Kind.STRING), "cursor_pos", Field.required(Kind.INTEGER))),
            Map.entry("is_complete_request", Map.of("code", Field.required(Kind.STRING))),
            Map.entry("history_request", Map.of(
                    "output", Field.optional(Kind.BOOLEAN), "raw", Field.optional(Kind.BOOLEAN),
                    "hist_access_type", Field.required(Kind.STRING), "session", Field.optional(Kind.INTEGER),
                    "start", Field.optional(Kind.INTEGER), "stop", Field.optional(Kind.INTEGER),
                    "n", Field.optional(Kind.INTEGER), "pattern", Field.optional(Kind.STRING),
                    "unique", Field.optional(Kind.BOOLEAN))),
            Map.entry("comm_info_request", Map.of("target_name", Field.optional(Kind.STRING))),
            Map.entry("shutdown_request", Map.of("restart", Field.optional(Kind.BOOLEAN))),
            Map.entry("input_reply", Map.of("value", Field.required(Kind.STRING))),
            Map.entry("comm_open", Map.of(
                    "comm_id", Field.required(Kind.STRING), "target_name", Field.required(Kind.STRING),
                    "data", Field.optional(Kind.OBJECT))),
            Map.entry("comm_msg", Map.of("comm_id", Field.required(Kind.STRING), "data", Field.optional(Kind.OBJECT))),
            Map.entry("comm_close", Map.of("comm_id", Field.required(Kind.STRING), "data", Field.optional(Kind.OBJECT))));

    private ContentSchema() {
    }

    /**
     * What is wrong with {@code content} for a message of type {@code msgType}, or null if nothing is. A field
     * that is null counts as left out; types this table does not list are not checked.
     */
    static String violation(String msgType, JsonObject content) {
        var fields = FIELDS.get(msgType);
        if (fields == null) {
            return null;
        }
        for (var field : fields.entrySet()) {
            var value = content.get(field.getKey());
            if (value == null || value.isJsonNull()) {
                if (field.getValue().required()) {
                    return msgType + " without \"" + field.getKey() + "\"";
                }
            } else if (!field.getValue().kind().matches(value)) {
                return msgType + " whose \"" + field.getKey() + "\" is not " + field.getValue().kind().article();
            }
        }
        return null;
    }
}
