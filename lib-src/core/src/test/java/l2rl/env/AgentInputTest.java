package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.agent.AgentSpec;
import l2rl.agent.TaskBatch;
import l2rl.env.ContractFamily.Rule;

/** The agent's input comes from the task: [observation, one-hot previous action, previous reward, t / T]. */
class AgentInputTest {

    @Test
    void todaysFamiliesKeepTheLayoutTheirWeightsWereTrainedOn() {
        for (var id : Tasks.ids()) {
            var family = Tasks.family(id);
            if (family.observationSize() > 0 || family.rewardEncoding().isOneHot()) {
                continue;  // tasks with observations (two-step) or a one-hot reward (eleven arms): their own tests
            }
            var spec = AgentSpec.of(family, 48, 100, true);
            assertEquals(new AgentSpec(family.arms(), 48, 100, true), spec, id);
            assertEquals(family.arms() + 2, spec.inputSize(), id);
        }
        var family = Tasks.family(Tasks.INDEPENDENT);
        var spec = AgentSpec.of(family, 4, 10, true);
        var task = CheckedTask.sample(family, new SplittableRandom(3));
        var batch = new TaskBatch(spec, new CheckedTask[] {task});
        var x = new double[spec.inputSize()];
        batch.observe(x, 0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, x);
        var rewards = new float[1];
        batch.step(new int[] {1}, rewards, new double[1]);
        batch.observe(x, 0);
        assertArrayEquals(new double[] {0, 1, rewards[0], (float) 1 / 10}, x);
    }

    @Test
    void anObservationAndAOneHotRewardComeFirstAndByTheDeclaredIndex() {
        var family = new ContractFamily(Rule.KEPT, 0, 3, true);
        var spec = AgentSpec.of(family, 4, 10, true);
        assertEquals(3 + 2 + 2 + 1, spec.inputSize());
        assertEquals("[3 observation, 2 one-hot action, 2 one-hot reward, t/T]", spec.layout());
        var batch = new TaskBatch(spec, new CheckedTask[] {CheckedTask.sample(family, new SplittableRandom(1))});
        var x = new double[spec.inputSize()];
        var rewards = new float[1];
        batch.step(new int[] {0}, rewards, new double[1]);
        batch.observe(x, 0);
        // observation (the decision number, 0, 0), arm 0 one-hot, the reward's slot (0 or 1), t / T
        var expected = new double[] {1, 0, 0, 1, 0, 0, 0, (float) 1 / 10};
        expected[5 + (int) rewards[0]] = 1;
        assertArrayEquals(expected, x);
        var withheld = new AgentSpec(2, 4, 10, false, 3, 2);
        var control = new TaskBatch(withheld, new CheckedTask[] {CheckedTask.sample(family, new SplittableRandom(1))});
        control.step(new int[] {0}, rewards, new double[1]);
        control.observe(x, 0);
        assertArrayEquals(new double[] {1, 0, 0, 1, 0, 0, 0, (float) 1 / 10}, x, "the reward withheld: zeros");
    }

    @Test
    void theElevenArmedTaskDeclaresWhichOfItsElevenValuesEachPullPaid() {
        var family = new ElevenArmedWithIndex(true);
        assertEquals(11, family.rewardEncoding().width());
        assertEquals(new AgentSpec(11, 4, 5, true, 0, 11), AgentSpec.of(family, 4, 5, true));
        var tasks = new TaskSet(family, 2, 40);
        for (int e = 0; e < tasks.episodes(); e++) {
            var task = tasks.task(e);
            for (int arm = 0; arm < 11; arm++) {
                // CheckedTask refuses a declared index whose value is not the reward paid
                double reward = task.pull(arm);
                assertEquals(reward, ElevenArmedWithIndex.REWARD_VALUES.value(task.lastRewardIndex()));
            }
        }
        // the registered id feeds the reward one-hot, as the paper does; the encoding changes no task stream
        assertEquals(ElevenArmedWithIndex.REWARD_VALUES, Tasks.family("BanditElevenArmedWithIndex-v0").rewardEncoding());
        assertEquals(ElevenArmedWithIndex.REWARD_VALUES, Tasks.family("BanditElevenArmedUninformative-v0").rewardEncoding());
        var scalar = new TaskSet(new ElevenArmedWithIndex(), 2, 1).task(0);
        var oneHot = tasks.task(0);
        assertArrayEquals(scalar.means(), oneHot.means());
    }
}
