package l2rl.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every run lands in exactly one series, the top 5 in theirs, and the bars are ratios to Bayes-optimal. */
class SweepPlotsTest {

    @Test
    void everyRunIsDrawnOnceAndTheTopRunsAreMarked() {
        double[] lr = {1e-4, 3e-4, 1e-3, 2e-3, 4e-3, 5e-3};
        double[] gamma = {0.7, 0.85, 0.95, 0.8, 0.75, 0.99};
        double[] regret = {8, 4, 3, 2, 1.5, 6};
        boolean[] top = {false, false, true, true, true, false};
        var chart = SweepPlots.runsAgainstLearningRate("t", lr, gamma, regret, top, 2.8, 1.8);
        var series = chart.getSeriesMap();
        assertArrayEquals(new double[] {3, 2, 1.5}, series.get("top 5 (chosen on 1-150)").getYData());
        assertArrayEquals(new double[] {8}, series.get("gamma < 0.8").getYData(), "0.75 is a top run, not here");
        assertArrayEquals(new double[] {4}, series.get("0.8 <= gamma < 0.9").getYData());
        assertArrayEquals(new double[] {6}, series.get("gamma >= 0.9").getYData());
        assertArrayEquals(new double[] {2.8, 2.8}, series.get("thompson (2.80)").getYData());
        assertArrayEquals(new double[] {1e-4, 5e-3}, series.get("bayes-optimal (1.80)").getXData());
        int points = series.values().stream()
                .filter(s -> !s.getName().startsWith("thompson") && !s.getName().startsWith("bayes-optimal"))
                .mapToInt(s -> s.getXData().length).sum();
        assertEquals(lr.length, points, "each run exactly once");
    }

    @Test
    void barsAreRegretOverBayesOptimalWithTheProtocolIntervalScaledAlike() {
        var chart = SweepPlots.protocolAgainstBaselines("t", List.of("independent", "hard"), new double[] {2.5, 3.0},
                new double[] {0.2, 0.3}, new double[] {2.8, 4.0}, new double[] {1.9, 3.2}, new double[] {1.8, 2.5});
        var agent = chart.getSeriesMap().get("agent (protocol: top 5)");
        assertEquals(List.of(2.5 / 1.8, 3.0 / 2.5), Arrays.stream(agent.getYData().toArray()).toList());
        assertEquals(List.of(0.2 / 1.8, 0.3 / 2.5), Arrays.stream(agent.getExtraValues().toArray()).toList());
        assertEquals(List.of(4.0 / 2.5), Arrays.stream(chart.getSeriesMap().get("thompson").getYData().toArray())
                .skip(1).toList());
    }

    @Test
    void sixFamiliesGetAWiderChartThanTwoSoTheirNamesDoNotOverlap() {
        var two = SweepPlots.protocolAgainstBaselines("t", List.of("a", "b"), new double[2], new double[2],
                new double[2], new double[2], new double[] {1, 1});
        var names = List.of("independent", "dependent-uniform", "easy", "medium", "hard", "hard-paper-range");
        var six = SweepPlots.protocolAgainstBaselines("t", names, new double[6], new double[6], new double[6],
                new double[6], new double[] {1, 1, 1, 1, 1, 1});
        // "dependent-uniform" in the axis font is about 130 px wide
        assertTrue(six.getWidth() / names.size() >= 150, "px per family: " + six.getWidth() / names.size());
        assertTrue(six.getWidth() > two.getWidth());
    }
}
