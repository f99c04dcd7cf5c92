package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import l2rl.agent.kernels.Kernels;

/**
 * A JVM started without module jdk.incubator.vector (a user's own `java`, a notebook kernel someone else set up)
 * trains with the plain-Java kernels and gets the weights this JVM's vector kernels get, to the bit: the module
 * is a matter of speed only. One worker, so the run is deterministic.
 */
class WithoutTheVectorModuleTest {
    @ParameterizedTest(name = "cell = {0}")
    @ValueSource(strings = {"lstm", "gru"})
    void trainingWithoutTheModuleEndsWithTheSameWeights(String cell, @TempDir Path tmp) throws Exception {
        assumeTrue(Kernels.vectorized(), "this JVM has no jdk.incubator.vector to compare against");
        var text = CheckpointTest.TINY + "cell = " + cell + "\n";
        var configFile = tmp.resolve("tiny.properties");
        Files.writeString(configFile, text);
        var withVectors = Trainer.create(TrainConfig.parse(text), tmp.resolve("vector"), null).run();

        var plainDir = tmp.resolve("plain");
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "l2rl.cli.Main", "train", "-e",
                "BanditTwoArmedDependentEasy-v0", "-l", plainDir.toString(), "--quiet", "--config",
                configFile.toString());
        var out = tmp.resolve("out.txt");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertEquals(0, process.waitFor(), Files.readString(out));

        var plain = Checkpoint.read(Checkpoint.newest(plainDir).orElseThrow());
        assertArrayEquals(Checkpoint.read(withVectors.checkpoint()).parameters(), plain.parameters());
    }
}
