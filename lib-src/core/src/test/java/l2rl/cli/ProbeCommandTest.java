package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {

    @Test
    void printsTheReadOutsAndAgreementOfEachNetwork(@TempDir Path tmp) throws Exception {
        var logDir = tmp.resolve("run");
        var train = CliRun.of("train", "-e", "BanditTwoArmedIndependentUniform-v0", "-l", logDir.toString(), "-w", "1",
                "-n", "10", "--episodes", "50", "--quiet");
        assertEquals(0, train.exitCode(), train.err());
        for (var network : new String[] {"trained", "untrained", "no-reward-input"}) {
            var probe = CliRun.of("probe", "-e", "BanditTwoArmedIndependentUniform-v0", "-l", logDir.toString(),
                    "--network", network, "--episodes", "40", "--held-out", "10", "--control-episodes", "20",
                    "--format", "csv");
            assertEquals(0, probe.exitCode(), probe.err());
            var lines = probe.out().strip().split("\n");
            assertEquals("measure,value", lines[0]);
            assertTrue(probe.out().contains("\nr2_arm0_better,"), probe.out());
            assertTrue(probe.out().contains("\nagreement,"), probe.out());
        }
        // the same command prints the same numbers (the no-reward control is trained again, by one worker)
        var args = new String[] {"probe", "-e", "BanditTwoArmedIndependentUniform-v0", "-l", logDir.toString(),
            "--network", "no-reward-input", "--episodes", "40", "--held-out", "10", "--control-episodes", "20",
            "--format", "csv"};
        assertEquals(CliRun.of(args).out(), CliRun.of(args).out());
    }

    @Test
    void refusesWhatItCannotProbe(@TempDir Path tmp) {
        var bad = CliRun.of("probe", "-e", "BanditTenArmedRandomFixed-v0", "-l", tmp.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("no exact posterior"), bad.err());
        var network = CliRun.of("probe", "-e", "BanditTwoArmedDependentEasy-v0", "-l", tmp.toString(), "--network", "random");
        assertEquals(2, network.exitCode());
        assertTrue(network.err().contains("unknown --network"), network.err());
        var missing = CliRun.of("probe", "-e", "BanditTwoArmedDependentEasy-v0", "-l", tmp.resolve("none").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("l2rl probe: no run directory"), missing.err());
    }
}
