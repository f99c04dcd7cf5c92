package l2rl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import l2rl.env.FixedArms;
import l2rl.env.TaskSet;

class RegretReportTest {
    private static final TaskSet HIGH_LOW = new TaskSet(new FixedArms(new double[] {0.8, 0.2}), 1, 3);

    @Test
    void regretComesFromTrueMeansNotFromRewards() {
        // Episode 0 always pulls the worse arm, episode 1 the better, episode 2 alternates starting worse.
        int[][] arms = {{1, 1, 1, 1}, {0, 0, 0, 0}, {1, 0, 1, 0}};
        var report = RegretReport.of("hand", HIGH_LOW, 4, arms);
        assertArrayEquals(new double[] {2.4, 0.0, 1.2}, report.episodeRegret(), 1e-12);
        assertEquals(1.2, report.regretMean(), 1e-12);
        assertArrayEquals(new double[] {0.4, 0.6, 1.0, 1.2}, report.regretCurve(), 1e-12);
        assertEquals(2.0, report.suboptimalPullsMean(), 1e-12);
        assertTrue(report.suboptimal(2, 0));
        assertFalse(report.suboptimal(2, 1));
        assertEquals(2.4, report.episodes(0, 1).regretMean(), 1e-12);
        assertEquals(0.6, report.episodes(1, 3).regretMean(), 1e-12);
        var renamed = report.named("agent (trained here)");
        assertEquals("agent (trained here)", renamed.policy());
        assertEquals("hand", report.policy());
        assertArrayEquals(report.episodeRegret(), renamed.episodeRegret(), 0.0);
    }

    @Test
    void confidenceIntervalIsStudentTOverEpisodes() {
        // Values 1..5: mean 3, sample sd sqrt(2.5), t(0.975; 4 d.f.) = 2.776445 from tables.
        double expected = 2.776445 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(expected, RegretReport.ci95(new double[] {1, 2, 3, 4, 5}), 1e-5);
        assertTrue(Double.isNaN(RegretReport.ci95(new double[] {7})));
    }

    @Test
    void refusesArmsThatDoNotMatchTheTasks() {
        assertThrows(IllegalArgumentException.class, () -> RegretReport.of("x", HIGH_LOW, 2, new int[][] {{0, 0}}));
        assertThrows(IllegalArgumentException.class,
                () -> RegretReport.of("x", HIGH_LOW, 2, new int[][] {{0, 0}, {0}, {0, 1}}));
    }

    @Test
    void tableHasTheCommandLineColumnsAndCsvHeader() {
        var report = RegretReport.of("hand", HIGH_LOW, 2, new int[][] {{1, 1}, {0, 0}, {1, 0}});
        var table = ResultTables.regretTable("t", List.of(report));
        assertEquals(List.of("policy", "regret_mean", "regret_ci95", "subopt_pulls_mean"), table.columnNames());
        var csv = ResultTables.csv(table).split("\\R");
        assertEquals(ResultTables.CSV_HEADER, csv[0]);
        assertEquals("hand,0.6000," + String.format(java.util.Locale.ROOT, "%.4f", report.regretCi95()) + ",1.0000",
                csv[1]);
    }
}
