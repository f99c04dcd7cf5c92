package l2rl.env;

/** The task registry cannot take an id (a duplicate from a jar or the library), or a jar's provider cannot load. */
public final class TaskRegistryException extends IllegalStateException {
    public TaskRegistryException(String message, Throwable cause) {
        super(message, cause);
    }

    public TaskRegistryException(String message) {
        super(message);
    }
}
