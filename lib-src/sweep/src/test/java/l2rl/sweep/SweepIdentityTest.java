package l2rl.sweep;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep directory written before a config key existed resumes as a sweep with that key's default. */
class SweepIdentityTest {

    @Test
    void aSweepWrittenBeforeTheCellKeyResumesAsAnLstmSweepAndRefusesAGruOne(@TempDir Path tmp) throws Exception {
        var dir = new SweepDirectory(tmp);
        var plan = SweepFixtures.plan(4);
        dir.claim(plan);
        // As the sweep was written before `cell` existed (every shipped sweep under data/sweeps/ was).
        var file = tmp.resolve("sweep.properties");
        var old = Files.readAllLines(file).stream().filter(line -> !line.startsWith("cell ="))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, old);
        dir.claim(plan);  // the same sweep: it resumes
        var gru = new SweepPlan(plan.base().with("cell", "gru"), 4, plan.seed(), plan.space());
        var e = assertThrows(SweepDirectory.ForeignSweepException.class, () -> dir.claim(gru));
        assertTrue(e.getMessage().contains("holds another sweep (cell = lstm, asked for gru)"), e.getMessage());
    }
}
