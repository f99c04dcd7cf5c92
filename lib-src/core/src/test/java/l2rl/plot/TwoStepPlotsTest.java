package l2rl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;

import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.env.TwoStep;
import l2rl.twostep.ModelBased;
import l2rl.twostep.ModelFree;
import l2rl.twostep.StayAnalysis;
import l2rl.twostep.TwoStepPlay;

/** The two-step figures render, with one bar series per stay cell and one group per policy. */
class TwoStepPlotsTest {

    @Test
    void theDiagramAndTheBarsRender() throws Exception {
        for (var id : List.of(Tasks.TWO_STEP, Tasks.TWO_STEP_REVERSAL, Tasks.TWO_STEP_DRIFT)) {
            var diagram = TwoStepPlots.diagram((TwoStep) Tasks.family(id));
            assertTrue(BitmapEncoder.getBitmapBytes(diagram, BitmapEncoder.BitmapFormat.PNG).length > 1000, id);
        }
        var family = (TwoStep) Tasks.family(Tasks.TWO_STEP);
        var tasks = new TaskSet(family, 4, 30);
        var reports = List.of(
                StayAnalysis.of("model-free", TwoStepPlay.play(ModelFree.tuned(family), tasks, 4), 4),
                StayAnalysis.of("model-based", TwoStepPlay.play(ModelBased.tuned(family), tasks, 4), 4));
        var bars = TwoStepPlots.stayProbabilities("stays", reports);
        assertEquals(4, bars.getSeriesMap().size());
        assertEquals(List.of("model-free", "model-based"), bars.getSeriesMap().get("rewarded, common").getXData());
        var coefficients = TwoStepPlots.coefficients("b", reports, List.of("interaction", "interaction_corrected"));
        assertEquals(2, coefficients.getSeriesMap().size());
        assertTrue(BitmapEncoder.getBitmapBytes(bars, BitmapEncoder.BitmapFormat.PNG).length > 1000);
    }
}
