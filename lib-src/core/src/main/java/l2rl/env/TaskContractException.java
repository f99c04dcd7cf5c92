package l2rl.env;

/** A task family, or one of its tasks, broke the task contract; the message names the family and the rule broken. */
public final class TaskContractException extends IllegalStateException {
    private final transient TaskFamily family;

    public TaskContractException(TaskFamily family, String rule) {
        super("task family " + family + " breaks the task contract: " + rule);
        this.family = family;
    }

    public TaskFamily family() {
        return family;
    }
}
