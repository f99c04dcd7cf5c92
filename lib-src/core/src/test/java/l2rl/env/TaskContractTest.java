package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import l2rl.agent.AgentSpec;
import l2rl.agent.TaskBatch;
import l2rl.baseline.RandomPolicy;
import l2rl.env.ContractFamily.Rule;
import l2rl.eval.Evaluation;
import l2rl.train.TrainConfig;
import l2rl.train.Trainer;

/** Each rule of the task contract, broken on its own, gives one error naming the family and the rule. */
class TaskContractTest {

    /** Plays one episode of {@code family} the way evaluation does; returns the contract error, if any. */
    private static TaskContractException broken(TaskFamily family) {
        return assertThrows(TaskContractException.class,
                () -> Evaluation.run(new RandomPolicy(), new TaskSet(family, 1, 3), 10));
    }

    private static void assertNames(TaskContractException e, TaskFamily family, String rule) {
        assertTrue(e.getMessage().contains(family.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(rule), "'" + rule + "' not in: " + e.getMessage());
        assertEquals(family, e.family());
    }

    @Test
    void aFamilyThatKeepsTheContractPlays() {
        assertDoesNotThrow(() -> CheckedTask.probe(new ContractFamily(Rule.KEPT, 0, 3, true), 20,
                new SplittableRandom(1)));
        assertDoesNotThrow(() -> Evaluation.run(new RandomPolicy(), new TaskSet(ContractFamily.breaking(Rule.KEPT), 1, 3), 10));
    }

    @Test
    void expectedRewardsAreOnePerArmAndFinite() {
        var wrongNumber = ContractFamily.breaking(Rule.WRONG_NUMBER_OF_EXPECTED_REWARDS);
        assertNames(broken(wrongNumber), wrongNumber, "decision 3: 1 expected rewards for 2 arms");
        var nan = ContractFamily.breaking(Rule.NAN_EXPECTED_REWARD);
        assertNames(broken(nan), nan, "arm 1's expected reward is NaN");
        var infinite = ContractFamily.breaking(Rule.INFINITE_EXPECTED_REWARD);
        assertNames(broken(infinite), infinite, "arm 0's expected reward is Infinity");
    }

    @Test
    void rewardsAreOfTheDeclaredKind() {
        var half = ContractFamily.breaking(Rule.REWARD_OF_OTHER_KIND);
        assertNames(broken(half), half, "paid 0.5, not a reward of the declared kind 0/1");
        var nan = ContractFamily.breaking(Rule.NAN_REWARD);
        assertNames(broken(nan), nan, "paid NaN");
    }

    @Test
    void oneHotRewardsDeclareTheIndexOfTheValuePaid() {
        var outside = new ContractFamily(Rule.REWARD_INDEX_OUT_OF_RANGE, 3, 0, true);
        assertNames(broken(outside), outside, "reward index 2 outside the 2 declared reward values");
        var other = new ContractFamily(Rule.REWARD_INDEX_OF_ANOTHER_VALUE, 3, 0, true);
        assertNames(broken(other), other, "but declared reward index");
    }

    @Test
    void observationsHaveTheDeclaredSizeAndFiniteValues() {
        var spec = AgentSpec.of(new ContractFamily(Rule.KEPT, 0, 2, false), 4, 10, true);
        for (var family : new ContractFamily[] {new ContractFamily(Rule.OBSERVATION_OF_WRONG_SIZE, 3, 2, false),
            new ContractFamily(Rule.NAN_OBSERVATION, 3, 2, false)}) {
            var batch = new TaskBatch(spec, new CheckedTask[] {CheckedTask.sample(family, new SplittableRandom(1))});
            var x = new double[spec.inputSize()];
            var e = assertThrows(TaskContractException.class, () -> {
                while (!batch.done()) {
                    batch.observe(x, 0);
                    batch.step(new int[1], new float[1], new double[1]);
                }
            });
            assertNames(e, family, family.rule() == Rule.NAN_OBSERVATION ? "decision 3: observation value 0 is NaN"
                    : "decision 3: an observation of 3 values, the family declares 2");
        }
    }

    @Test
    void aTaskHasItsFamilysArms() {
        var family = ContractFamily.breaking(Rule.WRONG_NUMBER_OF_ARMS);
        assertNames(broken(family), family, "a task has 3 arms, the family declares 2");
    }

    @Test
    void anAgentWhoseInputDoesNotFitTheTaskIsRefused() {
        var observed = new ContractFamily(Rule.KEPT, 0, 3, true);
        var bandit = new AgentSpec(2, 4, 10, true);
        assertFalse(bandit.fits(observed));
        var e = assertThrows(IllegalArgumentException.class, () -> new TaskBatch(bandit,
                new CheckedTask[] {CheckedTask.sample(observed, new SplittableRandom(1))}));
        assertTrue(e.getMessage().contains("the agent's input is [2 one-hot action, scalar reward, t/T] (4 values)")
                && e.getMessage().contains("[3 observation, 2 one-hot action, 2 one-hot reward, t/T] (8 values)"),
                e.getMessage());
    }

    @Test
    void trainingRefusesABrokenFamilyBeforeWritingAnything(@TempDir Path tmp) {
        var family = ContractFamily.breaking(Rule.NAN_EXPECTED_REWARD);
        Tasks.register("ContractTestNaN-v0", family);
        try {
            var config = TrainConfig.parse("task = ContractTestNaN-v0\nhidden = 4\ntrials = 10\nepisodes = 8\n"
                    + "batch = 4\n");
            var runDir = tmp.resolve("run");
            var e = assertThrows(TaskContractException.class, () -> Trainer.create(config, runDir, null));
            assertNames(e, family, "arm 1's expected reward is NaN");
            assertFalse(Files.exists(runDir));
        } finally {
            Tasks.remove("ContractTestNaN-v0");  // other tests list every id
        }
    }

    @Test
    void aFixedTaskRunRestartsItsTaskThroughTheContract(@TempDir Path tmp) {
        // A stationary bandit restarts with its parameters kept and its rewards from the new stream.
        var stationary = new FixedArms(new double[] {0.8, 0.2});
        var restarted = CheckedTask.sample(stationary, new SplittableRandom(1)).restart(new SplittableRandom(3));
        var fresh = new BernoulliBandit(new double[] {0.8, 0.2}, new double[] {1, 1}, new SplittableRandom(3));
        for (int i = 0; i < 50; i++) {
            assertEquals(fresh.pull(i % 2), restarted.pull(i % 2));
        }
        // A task without restart cannot be a fixed task: training says so before writing anything.
        var once = new TaskFamily() {
            @Override
            public int arms() {
                return 2;
            }

            @Override
            public String description() {
                return "2 arms that cannot restart";
            }

            @Override
            public Task sample(SplittableRandom rng) {
                var bandit = BernoulliBandit.ofProbabilities(new double[] {0.5, 0.5}, rng);
                return new Task() {
                    @Override
                    public int arms() {
                        return 2;
                    }

                    @Override
                    public double[] expectedRewards() {
                        return bandit.expectedRewards();
                    }

                    @Override
                    public double pull(int arm) {
                        return bandit.pull(arm);
                    }
                };
            }

            @Override
            public RewardKind rewardKind() {
                return RewardKind.ZERO_ONE;
            }

            @Override
            public boolean meansFixed() {
                return true;
            }

            @Override
            public String toString() {
                return "NoRestart";
            }
        };
        Tasks.register("ContractTestNoRestart-v0", once);
        try {
            var config = TrainConfig.parse("task = ContractTestNoRestart-v0\nhidden = 4\ntrials = 10\n"
                    + "episodes = 8\nbatch = 4\nmeta = false\n");
            var runDir = tmp.resolve("run");
            var e = assertThrows(TaskContractException.class, () -> Trainer.create(config, runDir, null));
            assertNames(e, once, "its tasks cannot be restarted, which a fixed-task run needs");
            assertFalse(Files.exists(runDir));
        } finally {
            Tasks.remove("ContractTestNoRestart-v0");
        }
    }
}
