package l2rl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;

import l2rl.analysis.VolatilityAnalysis;

/** The restless figures draw what they say: p1, the belief and each arm's pulls; one point per pair of blocks. */
class RestlessPlotsTest {

    @Test
    void anEpisodeShowsP1TheBeliefAndEachArmsPulls() throws Exception {
        var p1 = new double[] {0.2, 0.4, 0.6, 0.8};
        var chart = RestlessPlots.episode("one episode", p1, new double[] {0.5, 0.45, 0.5, 0.6}, new int[] {1, 1, 0, 0});
        var series = chart.getSeriesMap();
        assertEquals(List.of("p1", "E[p1] (exact filter)", "agent pulls arm 1", "agent pulls arm 2"),
                List.copyOf(series.keySet()));
        assertEquals(2, series.get("agent pulls arm 1").getXData().length);
        assertEquals(3.0, series.get("agent pulls arm 1").getXData()[0], "trials counted from 1");
        assertTrue(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG).length > 1000);
    }

    @Test
    void learningRatesPairTheBlocksOfEachLearner() throws Exception {
        var rates = new VolatilityAnalysis.LearningRates("agent", List.of(), new double[] {0.1, 0.2},
                new double[] {0.3, 0.4}, 0.2, 0.01, -1, -1);
        var chart = RestlessPlots.learningRates("rates", rates);
        assertEquals(2, chart.getSeriesMap().get("agent").getXData().length);
        assertEquals(0.3, chart.getSeriesMap().get("agent").getYData()[0], 1e-15);
        assertTrue(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG).length > 1000);
    }
}
