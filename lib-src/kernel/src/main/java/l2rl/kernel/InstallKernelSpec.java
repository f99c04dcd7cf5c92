package l2rl.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the kernelspec ({@code kernel.json}) that starts {@link KernelMain} with a given class path, for
 * {@code jupyter kernelspec install --user --name java <dir>}. The class path is either given as such or as
 * {@code @FILE}, a java argument file read when each kernel starts (the launcher's {@code .l2rl/current/kernel.args},
 * so that a kernel always starts on the newest build and keeps it while it runs).
 *
 * <pre>java -cp CP l2rl.kernel.InstallKernelSpec [--heap 2g] [--javacpp-cache DIR] [--quiet-java SCRIPT] KERNEL_CLASSPATH|@ARGFILE TARGET_DIR</pre>
 */
public final class InstallKernelSpec {

    static final String DISPLAY_NAME = "Java (l2rl)";

    private InstallKernelSpec() {
    }

    public static void main(String[] args) throws Exception {
        String heap = "2g";
        String quietJava = null;
        String javacppCache = Path.of(System.getProperty("user.home"), ".javacpp", "cache").toString();
        var positional = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--heap" -> heap = args[++i];
                case "--javacpp-cache" -> javacppCache = args[++i];
                case "--quiet-java" -> quietJava = args[++i];
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() != 2) {
            System.err.println("usage: InstallKernelSpec [--heap 2g] [--javacpp-cache DIR] [--quiet-java SCRIPT] KERNEL_CLASSPATH|@ARGFILE TARGET_DIR");
            System.exit(2);
        }
        var dir = Path.of(positional.get(1));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"),
                kernelJson(quietJava, javaCommand(), positional.get(0), heap, javacppCache));
        System.out.println("Wrote " + dir.resolve("kernel.json"));
    }

    /**
     * The kernelspec; {@code quietJava} (or null) is the launcher's lib-src/quiet-java, which starts the JVM with the
     * Vector API's start-up warning removed from its stderr.
     */
    static String kernelJson(String quietJava, String java, String classpath, String heap, String javacppCache) {
        var argv = new ArrayList<String>();
        if (quietJava != null) {
            argv.add(quietJava);
        }
        argv.addAll(List.of(java,
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-Dorg.bytedeco.javacpp.cachedir=" + javacppCache));
        if (classpath.startsWith("@")) {
            argv.add(classpath);
        } else {
            argv.addAll(List.of("-cp", classpath));
        }
        argv.addAll(List.of(KernelMain.class.getName(), "{connection_file}"));
        // "message": the JVM's own SIGINT handling would kill the kernel instead of interrupting the cell.
        return """
                {
                  "argv": [%s],
                  "display_name": %s,
                  "language": "java",
                  "interrupt_mode": "message",
                  "env": {"OMP_NUM_THREADS": "1"}
                }
                """.formatted(argv.stream().map(InstallKernelSpec::json).collect(Collectors.joining(", ")),
                json(DISPLAY_NAME));
    }

    /** The java that runs the installer also runs the kernel: it is the one the class path was built for. */
    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String json(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
