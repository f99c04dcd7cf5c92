package l2rl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

class CellComparisonTest {
    private static RegretReport constant(String name, double regretPerEpisode) {
        // two episodes of one trial, each with this regret: the mean is the value
        return RegretReport.ofRegrets(name, new double[][] {{regretPerEpisode}, {regretPerEpisode}});
    }

    @Test
    void eachAgentIsAMultipleOfTheFloorAndEachGroupItsMedianAndWorstSeed() {
        var floor = constant("bayes-optimal", 2.0);
        var byGroup = new LinkedHashMap<String, List<RegretReport>>();
        byGroup.put("LSTM", List.of(constant("seed 1", 3.0), constant("seed 2", 2.2), constant("seed 3", 2.4)));
        byGroup.put("GRU", List.of(constant("seed 1", 2.0), constant("seed 2", 5.0)));
        assertArrayEquals(new double[] {1.2, 1.5}, CellComparison.medianAndWorst(byGroup.get("LSTM"), floor), 1e-12);
        assertArrayEquals(new double[] {1.75, 2.5}, CellComparison.medianAndWorst(byGroup.get("GRU"), floor), 1e-12);
        var table = CellComparison.table("t", byGroup, floor);
        assertEquals(5, table.rowCount());
        assertEquals(1.1, table.doubleColumn("x_bayes_optimal").get(1), 1e-12);
        assertEquals("GRU", table.stringColumn("group").get(4));
        assertEquals("LSTM: median 1.20x, worst 1.50x bayes-optimal (seeds 1.50 / 1.10 / 1.20)\n"
                + "GRU: median 1.75x, worst 2.50x bayes-optimal (seeds 1.00 / 2.50)\n",
                CellComparison.summary(byGroup, floor));
    }
}
