package l2rl.env;

import java.util.List;

/** An id that names no registered task family; the message suggests the nearest valid ids. */
public final class UnknownTaskException extends IllegalArgumentException {
    private final String id;
    private final List<String> suggestions;

    public UnknownTaskException(String id, List<String> suggestions) {
        super("unknown task id '" + id + "'; did you mean " + String.join(" or ", suggestions)
                + "? Valid ids: " + String.join(", ", Tasks.ids()));
        this.id = id;
        this.suggestions = List.copyOf(suggestions);
    }

    public String id() {
        return id;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
