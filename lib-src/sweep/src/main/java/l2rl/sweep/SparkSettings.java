package l2rl.sweep;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;

/** The Spark configuration of a sweep, for embedded local mode or any cluster master. */
public final class SparkSettings {
    // local, local[N] and local[*]: Spark's forms without a retry count, which it runs with no retries.
    private static final Pattern LOCAL_WITHOUT_RETRIES = Pattern.compile("local(\\[(\\d+|\\*)])?");

    private SparkSettings() {
    }

    /**
     * Settings for a sweep on {@code master}, a failed run tried {@code maxFailures} times, then {@code overrides}
     * (Spark keys as given by --conf). For a cluster master the driver's classpath is shipped as spark.jars,
     * class directories packed into jars under {@code jarDir}.
     */
    public static SparkConf of(String master, int maxFailures, Map<String, String> overrides, Path jarDir)
            throws IOException {
        var conf = new SparkConf()
                .setAppName("l2rl sweep")
                .setMaster(withRetries(master, maxFailures))
                .set("spark.task.maxFailures", Integer.toString(maxFailures))
                // A run is minutes of single-threaded work: no UI ports or console bars on a shared machine.
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                // One ND4J op thread per run: parallelism comes from Spark's tasks (DESIGN.md, decision 3).
                .set("spark.executorEnv.OMP_NUM_THREADS", "1")
                // the module: the fused engine's vector kernels (without it, the same numbers, slower)
                .set("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector -XX:+UseSerialGC"
                        + " -Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        if (isLocal(master)) {
            // Everything is in this JVM: listen on loopback only, whatever the host name resolves to.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            conf.set("spark.jars", String.join(",", shippedClasspath(jarDir)));
        }
        overrides.forEach(conf::set);
        return conf;
    }

    public static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /**
     * In local mode Spark ignores spark.task.maxFailures and retries only when the master URL says so
     * (local[N,F]); this adds F to the forms that do not give one.
     */
    static String withRetries(String master, int maxFailures) {
        var m = LOCAL_WITHOUT_RETRIES.matcher(master);
        if (!m.matches()) {
            return master;
        }
        return String.format(Locale.ROOT, "local[%s,%d]", m.group(2) == null ? "1" : m.group(2), maxFailures);
    }

    /**
     * The driver's classpath as jar files for the executors: jars as they are, class directories (a build's
     * target/classes) packed into jars, since spark.jars takes files.
     */
    static List<String> shippedClasspath(Path jarDir) throws IOException {
        var jars = new ArrayList<String>();
        for (var entry : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
            var path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path)) {
                var jar = jarDir.resolve(String.format(Locale.ROOT, "classes-%02d.jar", jars.size()));
                pack(path, jar);
                jars.add(jar.toUri().toString());
            } else if (Files.isRegularFile(path)) {
                jars.add(path.toUri().toString());
            }
        }
        return jars;
    }

    private static void pack(Path directory, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
             var out = new JarOutputStream(file);
             var files = Files.walk(directory)) {
            for (var f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(directory.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
