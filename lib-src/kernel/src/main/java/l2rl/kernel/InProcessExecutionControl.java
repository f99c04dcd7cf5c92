package l2rl.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's own JVM so the kernel gets the real object a snippet produced
 * (JShell's own API only hands back its string form), and can stop a runaway snippet.
 *
 * <p>Each snippet runs on a fresh daemon thread: stopping it then never harms the kernel's message loop, and a
 * cell that leaves a thread behind cannot keep the JVM alive at shutdown.
 */
final class InProcessExecutionControl extends DirectExecutionControl {

    /** How long an interrupted snippet may take to notice before it is stopped by force. */
    private static final long GRACE_MILLIS = 300;

    private final CellClasses cellClasses = new CellClasses();
    private volatile Thread running;
    private volatile boolean stopRequested;
    private Object lastValue;

    ExecutionControlProvider asProvider() {
        var control = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "l2rl-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        stopRequested = false;
        var task = new FutureTask<>(() -> doitMethod.invoke(null));
        var thread = new Thread(task, "l2rl-cell");
        thread.setDaemon(true);
        // Libraries that look up services or resources through the context loader must see the cell's jars.
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        running = thread;
        thread.start();
        try {
            lastValue = task.get();
        } catch (ExecutionException e) {
            if (stopRequested) {
                throw new StoppedException();
            }
            // The InvocationTargetException from Method.invoke: the caller turns it into the user's exception.
            throw (Exception) e.getCause();
        } finally {
            running = null;
        }
        return valueString(lastValue);
    }

    /** Called by {@code JShell.stop()} from another thread while a cell runs. */
    @Override
    @SuppressWarnings("removal")
    public void stop() {
        var thread = running;
        if (thread == null) {
            return;
        }
        stopRequested = true;
        thread.interrupt();
        try {
            thread.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // A busy loop ignores interrupts; Thread.stop still works on JDK 17 to 19.
            thread.stop();
        }
    }

    /** Keeps each class's bytecode as JShell loads it, so the cells' classes can be exported ({@link CellClasses}). */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        super.load(classes);
        for (var c : classes) {
            cellClasses.loaded(c.name(), c.bytecodes());
        }
    }

    /** Writes the classes the cells defined into {@code jar}; see {@link CellClasses#exportJar}. */
    java.util.Map<Class<?>, java.util.List<String>> exportCellClasses(java.nio.file.Path jar,
            java.util.List<Class<?>> services) throws java.io.IOException {
        return cellClasses.exportJar(jar, services, this::findClass);
    }

    /** The object the last executed snippet returned; cleared by the call. */
    Object takeValue() {
        var value = lastValue;
        lastValue = null;
        return value;
    }

    /** Whether the last snippet was stopped by {@link #stop()}: JShell reports such a snippet without an exception. */
    boolean takeStopped() {
        var stopped = stopRequested;
        stopRequested = false;
        return stopped;
    }
}
