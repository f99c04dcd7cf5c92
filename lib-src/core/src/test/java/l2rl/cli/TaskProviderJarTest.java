package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar on the class path contributes task ids through {@code l2rl.env.TaskProvider}: compiled here from source into
 * a temporary jar with its META-INF/services file, then put in front of the library in a child JVM running the CLI,
 * as the launcher would run it.
 */
class TaskProviderJarTest {
    private static final String FAMILY = """
            package mytasks;

            import java.util.SplittableRandom;
            import l2rl.env.*;

            /** A user's own family: two coins, p = (0.9, 0.1), or the same reversed halfway if drifting. */
            public record Coins(boolean drifting) implements TaskFamily {
                public int arms() { return 2; }
                public int defaultTrials() { return 20; }
                public String description() { return "2 coins, p = (0.9, 0.1)" + (drifting ? ", reversed at t = 10" : ""); }
                public RewardKind rewardKind() { return RewardKind.ZERO_ONE; }
                public boolean meansFixed() { return !drifting; }
                public ArmStructure armStructure() { return ArmStructure.INDEPENDENT; }
                public Task sample(SplittableRandom rng) {
                    var rewards = rng.split();
                    return new Task() {
                        final double[] p = {0.9, 0.1};
                        int trial;
                        public int arms() { return 2; }
                        public double[] expectedRewards() { return p; }
                        public double pull(int arm) {
                            double r = rewards.nextDouble() < p[arm] ? 1 : 0;
                            if (++trial == 10 && drifting) { p[0] = 0.1; p[1] = 0.9; }
                            return r;
                        }
                    };
                }
            }
            """;
    private static final String PROVIDER = """
            package mytasks;

            import java.util.LinkedHashMap;
            import java.util.Map;
            import l2rl.env.TaskFamily;
            import l2rl.env.TaskProvider;

            public class MyTasks implements TaskProvider {
                public Map<String, TaskFamily> families() {
                    var families = new LinkedHashMap<String, TaskFamily>();
                    families.put("MyCoins-v0", new Coins(false));
                    families.put("MyDriftingCoins-v0", new Coins(true));
                    if (Boolean.getBoolean("mytasks.clash")) {
                        families.put("BanditTwoArmedIndependentUniform-v0", new Coins(false));
                    }
                    return families;
                }
            }
            """;

    @TempDir
    Path tmp;

    private Path providerJar() throws IOException {
        var src = Files.createDirectories(tmp.resolve("src/mytasks"));
        Files.writeString(src.resolve("Coins.java"), FAMILY);
        Files.writeString(src.resolve("MyTasks.java"), PROVIDER);
        var classes = Files.createDirectories(tmp.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.resolve("Coins.java").toString(),
                src.resolve("MyTasks.java").toString());
        assertEquals(0, compiled, "the provider compiles");
        var jar = tmp.resolve("mytasks.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (var files = Files.walk(classes)) {
                for (var file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                    out.write(Files.readAllBytes(file));
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/l2rl.env.TaskProvider"));
            out.write("mytasks.MyTasks\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run cli(Path jar, List<String> jvmOptions, String... args) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", jar + File.pathSeparator + System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        var out = tmp.resolve("out.txt");
        var err = tmp.resolve("err.txt");
        var process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = process.waitFor();
        return new Run(code, Files.readString(out), Files.readString(err));
    }

    @Test
    void aJarsIdsWorkInTheCommandLine() throws Exception {
        var jar = providerJar();
        var tasks = cli(jar, List.of(), "tasks");
        assertEquals(0, tasks.exitCode(), tasks.err());
        assertTrue(tasks.out().contains("MyCoins-v0") && tasks.out().contains("MyDriftingCoins-v0"), tasks.out());
        assertTrue(tasks.out().contains("rewards 0/1, means drifting, arms independent, observation 0, reward input"
                + " scalar; from jar provider mytasks.MyTasks"), tasks.out());

        var stationary = cli(jar, List.of(), "baselines", "-e", "MyCoins-v0", "-n", "20", "--episodes", "30",
                "--format", "csv");
        assertEquals(0, stationary.exitCode(), stationary.err());
        assertTrue(stationary.out().contains("thompson") && stationary.out().contains("gittins"), stationary.out());

        var drifting = cli(jar, List.of(), "baselines", "-e", "MyDriftingCoins-v0", "-n", "20", "--episodes", "30",
                "--format", "csv");
        assertEquals(0, drifting.exitCode(), drifting.err());
        var rows = drifting.out().lines().skip(1).toList();
        assertEquals(1, rows.size(), drifting.out());
        assertTrue(rows.get(0).startsWith("random,"), drifting.out());
    }

    @Test
    void aJarsIdThatTheLibraryHasIsRefusedNamingBothSources() throws Exception {
        var run = cli(providerJar(), List.of("-Dmytasks.clash=true"), "tasks");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("l2rl tasks: task id 'BanditTwoArmedIndependentUniform-v0' from jar provider"
                + " mytasks.MyTasks (file:"), run.err());
        assertTrue(run.err().trim().endsWith("is already registered by the l2rl library"), run.err());
        assertEquals(1, run.err().trim().lines().count(), run.err());
    }
}
