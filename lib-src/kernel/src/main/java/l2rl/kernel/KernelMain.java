package l2rl.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import l2rl.kernel.channels.GuardedConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** Entry point Jupyter starts: {@code java ... l2rl.kernel.KernelMain <connection file>}. */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain <connection file>");
            System.exit(2);
        }
        exitWhenParentDies();
        var connection = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        var kernel = new L2rlKernelBuilder().build();
        // A researcher's own jars (task families, say), as every JVM the launcher starts takes them.
        var userClasspath = System.getenv("L2RL_CLASSPATH");
        if (userClasspath != null && !userClasspath.isBlank()) {
            kernel.addToClasspath(userClasspath);
        }
        // Registers the kernel as the notebook kernel that display() and the magics reach.
        kernel.onStartup();
        var jupyter = new GuardedConnection(connection);
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        jupyter.waitUntilClose();
        // Threads a cell started must not keep a shut-down kernel alive.
        System.exit(0);
    }

    /** Jupyter does not always get to shut its kernels down; an orphaned kernel would run forever. */
    private static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
    }
}
