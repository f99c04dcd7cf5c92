package l2rl.env;

import java.util.Map;

/**
 * Contributes task ids from a jar on the class path: a jar lists its implementation in
 * {@code META-INF/services/l2rl.env.TaskProvider}, and {@link Tasks} loads every provider once, on first use, through
 * {@link java.util.ServiceLoader}, so the command line, notebooks and Spark executors see the same ids.
 */
public interface TaskProvider {

    /** The ids this provider registers and their families, in the order {@code l2rl tasks} lists them. */
    Map<String, TaskFamily> families();
}
