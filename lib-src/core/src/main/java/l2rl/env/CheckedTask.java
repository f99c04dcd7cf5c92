package l2rl.env;

import java.util.SplittableRandom;

/**
 * One episode of a {@link Task} as every part of l2rl plays it (training, evaluation, traces, reports): the one
 * place where a pull's regret is recorded and where the task contract is checked.
 *
 * <p>Regret is measured at the moment of each pull, from the task's own expected rewards at that decision:
 * regret = max_i mu_i(t) - mu_a(t). A task whose means drift therefore needs no code outside its own class, and
 * what every report shows is the regret the policy incurred, not a recomputation from a task's starting means.
 *
 * <p>Checks, each failing with one {@link TaskContractException} naming the family and the rule: the task has the
 * family's number of arms; at every decision its expected rewards are one per arm and finite (and within [0,1]
 * for 0/1 or [0,1] rewards), its observation has the declared size and finite values; every reward it pays is
 * finite and of the family's declared kind, and for a one-hot reward its declared index is in range and names the
 * value paid. The checks cost a few comparisons per arm and decision and allocate nothing.
 */
public final class CheckedTask {
    private final TaskFamily family;
    private final Task task;
    private final int arms;
    private final int observationSize;
    private final RewardKind kind;
    private final boolean bounded;  // rewards 0/1 or in [0,1]: means must lie in [0,1]
    private final RewardEncoding encoding;
    private final boolean perStepRegret;
    private int decision;
    private double lastReward;
    private double lastRegret = Double.NaN;
    private int lastRewardIndex = -1;

    private CheckedTask(TaskFamily family, Task task) {
        this.family = family;
        this.task = task;
        this.arms = family.arms();
        this.observationSize = family.observationSize();
        this.kind = family.rewardKind();
        this.bounded = kind != RewardKind.REAL;
        this.encoding = family.rewardEncoding();
        this.perStepRegret = family.perStepRegret();
        if (task == null) {
            throw new TaskContractException(family, "sample() returned no task");
        }
        if (task.arms() != arms) {
            throw new TaskContractException(family, "a task has " + task.arms() + " arms, the family declares " + arms);
        }
    }

    /** Episode task {@code task} of {@code family}, checked from its first decision. */
    public static CheckedTask of(TaskFamily family, Task task) {
        return new CheckedTask(family, task);
    }

    /** A task drawn from {@code family} with {@code rng} ({@link TaskFamily#sample}), checked. */
    public static CheckedTask sample(TaskFamily family, SplittableRandom rng) {
        return new CheckedTask(family, family.sample(rng));
    }

    public TaskFamily family() {
        return family;
    }

    /** The task being played. */
    public Task task() {
        return task;
    }

    public int arms() {
        return arms;
    }

    /** Decisions already taken (0 before the first pull). */
    public int decision() {
        return decision;
    }

    /**
     * The arms' expected rewards at the current decision, a fresh array (for a stationary bandit: its means); only
     * for a family with per-step regret, the others need not tell them.
     */
    public double[] means() {
        return checkedExpectedRewards().clone();
    }

    /**
     * Pulls {@code arm}: records the pull's regret from the expected rewards at this decision (before the task moves
     * on), then returns the reward, checked.
     */
    public double pull(int arm) {
        if (arm < 0 || arm >= arms) {
            throw new IllegalArgumentException("arm " + arm + " of " + arms);
        }
        if (perStepRegret) {
            var mu = task.expectedRewards();
            if (mu == null || mu.length != arms) {
                checkedExpectedRewards();  // throws, saying what is wrong
            }
            // One pass both checks the means and finds the best: this runs at every step of training.
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < arms; a++) {
                double m = mu[a];
                if (!(bounded ? m >= 0.0 && m <= 1.0 : m - m == 0.0)) {  // m - m is 0 exactly for finite m
                    checkedExpectedRewards();
                }
                best = m > best ? m : best;
            }
            lastRegret = best - mu[arm];
        }
        double reward = task.pull(arm);
        if (!kind.admits(reward)) {
            throw new TaskContractException(family, "decision " + decision + ": arm " + arm + " paid " + reward
                    + ", not a reward of the declared kind " + kind.label());
        }
        if (encoding.isOneHot()) {
            int index = task.rewardIndex();
            if (index < 0 || index >= encoding.width()) {
                throw new TaskContractException(family, "decision " + decision + ": reward index " + index
                        + " outside the " + encoding.width() + " declared reward values");
            }
            double declared = encoding.value(index);
            if (Math.abs(reward - declared) > 1e-9 * Math.max(1, Math.abs(declared))) {
                throw new TaskContractException(family, "decision " + decision + ": arm " + arm + " paid " + reward
                        + " but declared reward index " + index + ", the value " + declared);
            }
            lastRewardIndex = index;
        }
        lastReward = reward;
        decision++;
        return reward;
    }

    /** The regret of the last pull, max_i mu_i - mu_a at that decision; NaN before any pull or without per-step regret. */
    public double lastRegret() {
        return lastRegret;
    }

    public double lastReward() {
        return lastReward;
    }

    /** The declared index of the last reward among the family's one-hot values; -1 for scalar rewards or before a pull. */
    public int lastRewardIndex() {
        return lastRewardIndex;
    }

    /** Copies the observation at the current decision into {@code x} from {@code offset}, checked. */
    public void observe(double[] x, int offset) {
        if (observationSize == 0) {
            return;
        }
        var o = task.observation();
        if (o == null || o.length != observationSize) {
            throw new TaskContractException(family, "decision " + decision + ": an observation of "
                    + (o == null ? "null" : o.length + " values") + ", the family declares " + observationSize);
        }
        for (int i = 0; i < observationSize; i++) {
            if (!Double.isFinite(o[i])) {
                throw new TaskContractException(family, "decision " + decision + ": observation value " + i + " is "
                        + o[i]);
            }
            x[offset + i] = o[i];
        }
    }

    /** The same task from its episode's start with new random draws from {@code rng} ({@link Task#restart}). */
    public CheckedTask restart(SplittableRandom rng) {
        Task again;
        try {
            again = task.restart(rng);
        } catch (UnsupportedOperationException e) {
            throw new TaskContractException(family, "its tasks cannot be restarted, which a fixed-task run needs ("
                    + e.getMessage() + ")");
        }
        return new CheckedTask(family, again);
    }

    private double[] checkedExpectedRewards() {
        var mu = task.expectedRewards();
        if (mu == null || mu.length != arms) {
            throw new TaskContractException(family, "decision " + decision + ": "
                    + (mu == null ? "no" : mu.length) + " expected rewards for " + arms + " arms");
        }
        for (int a = 0; a < arms; a++) {
            if (!kind.admitsMean(mu[a])) {
                throw new TaskContractException(family, "decision " + decision + ": arm " + a + "'s expected reward is "
                        + mu[a] + (Double.isFinite(mu[a]) ? ", outside [0,1] for rewards " + kind.label() : ""));
            }
        }
        return mu;
    }

    /**
     * Plays one probe episode of {@code trials} decisions of a task drawn with {@code rng}, pulling arms in turn,
     * so that a family breaking the contract is refused before any training or writing, with the rule it broke.
     */
    public static void probe(TaskFamily family, int trials, SplittableRandom rng) {
        var task = sample(family, rng);
        var x = new double[family.observationSize()];
        for (int t = 0; t < trials; t++) {
            task.observe(x, 0);
            task.pull(t % task.arms());
        }
    }
}
