package l2rl.env;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The two-step task (paper 3.2, after Daw et al. 2011) in three versions, each a trial of two decisions.
 *
 * <p>A trial maps to two agent steps (decisions), both with two actions:
 * <ol>
 * <li><b>stage 1</b>: the agent observes state S1 (one-hot [1, 0, 0]) and chooses a1 or a2; the step pays 0.
 * a1 leads to S2 with the common probability ({@link #commonTransition()}), to S3 otherwise; a2 the reverse.
 * <li><b>stage 2</b>: the agent observes S2 ([0, 1, 0]) or S3 ([0, 0, 1]), chooses an action and the step pays 1
 * with that state's (and, in Daw's task, that action's) reward probability, else 0. The next trial starts in S1.
 * </ol>
 * The agent's previous-action and previous-reward inputs are those of the step before, as for every task; its
 * trial index t / T counts steps, so an episode of n trials is T = 2n steps ({@link #defaultTrials()}).
 *
 * <p>The versions ({@link Kind}): the paper's 2016 task (common 0.75; one second-stage state pays with 0.9, the
 * other 0.1, which one drawn per episode and fixed; the second-stage action does not matter), the 2018 sequel's
 * (common 0.8; the 0.9 / 0.1 swap between S2 and S3 with probability 0.025 after each trial) and Daw et al.'s 2011
 * task (common 0.7; each of the four second-stage actions has its own reward probability, drawn from U[0.25, 0.75]
 * and drifting after each trial by a Gaussian step of sigma 0.025, reflected at 0.25 and 0.75).
 *
 * <p>Transitions, rewards and drift draw from three streams of the task's own, one draw of each per trial whatever
 * the actions: every policy on an episode meets the same transition draws, reward draws and path of probabilities.
 *
 * @param kind which version
 * @param trialsPerEpisode trials (not steps) per episode by default
 */
public record TwoStep(Kind kind, int trialsPerEpisode) implements TaskFamily {
    /** The second-stage reward probabilities of the 2016 and 2018 versions. */
    public static final double GOOD = 0.9;
    public static final double BAD = 0.1;
    /** The 2018 version's chance per trial that the good and the bad state swap. */
    public static final double SWAP = 0.025;
    /** Daw et al.'s random walk: step sigma and reflecting bounds. */
    public static final double SIGMA = 0.025;
    public static final double LOW = 0.25;
    public static final double HIGH = 0.75;
    /**
     * Trials per episode of TwoStep-v0, which the paper does not give: the shortest of the lengths 10, 20, 30, 50, 75
     * and 100 at which both reference learners, tuned at that length, reach 80% of the ideal observer's gain over
     * chance (reward rate - 0.5). Measured (data/two-step/episode-length.txt): the model-free learner reaches 79% at
     * 50 trials and 85% at 75, the model-based one 97% and 98%.
     */
    public static final int PAPER_TRIALS = 75;
    /** Steps per trial. */
    public static final int STEPS = 2;
    /** The observation's states, one-hot in this order. */
    public static final int S1 = 0;
    public static final int S2 = 1;
    public static final int S3 = 2;

    /** The three versions, each with its common-transition probability. */
    public enum Kind {
        /** Wang et al. 2016: the good state drawn per episode and fixed. */
        FIXED(0.75),
        /** Wang et al. 2018: the good and bad states swap with probability 0.025 per trial. */
        REVERSAL(0.8),
        /** Daw et al. 2011: four drifting reward probabilities, two actions in each second-stage state. */
        DRIFT(0.7);

        final double common;

        Kind(double common) {
            this.common = common;
        }
    }

    public TwoStep {
        if (trialsPerEpisode < 2) {
            throw new IllegalArgumentException("a two-step episode needs at least 2 trials, got " + trialsPerEpisode);
        }
    }

    /** The probability that a1 leads to S2 (and a2 to S3). */
    public double commonTransition() {
        return kind.common;
    }

    @Override
    public int arms() {
        return 2;
    }

    /** Steps per episode: two per trial. */
    @Override
    public int defaultTrials() {
        return STEPS * trialsPerEpisode;
    }

    @Override
    public String description() {
        var common = String.format(java.util.Locale.ROOT, "%.2f", kind.common);
        var rewards = switch (kind) {
            case FIXED -> "S2 or S3 (drawn per episode) pays 1 w.p. 0.9, the other 0.1";
            case REVERSAL -> "S2/S3 pay 1 w.p. 0.9/0.1, swapping w.p. 0.025 per trial";
            case DRIFT -> "each of the 4 stage-2 actions pays 1 w.p. p ~ U[0.25,0.75], drifting N(0, 0.025^2) per "
                    + "trial, reflected at 0.25/0.75";
        };
        return "two-step task, " + trialsPerEpisode + " trials of 2 steps: step 1 observes S1 one-hot, action a1 -> S2"
                + " (a2 -> S3) w.p. " + common + ", pays 0; step 2 observes S2 or S3 one-hot, " + rewards;
    }

    @Override
    public Episode sample(SplittableRandom rng) {
        var p = new double[2][2];
        switch (kind) {
            case FIXED, REVERSAL -> {
                int good = rng.nextInt(2);
                for (int s = 0; s < 2; s++) {
                    p[s][0] = p[s][1] = s == good ? GOOD : BAD;
                }
            }
            case DRIFT -> {
                for (int s = 0; s < 2; s++) {
                    for (int a = 0; a < 2; a++) {
                        p[s][a] = LOW + (HIGH - LOW) * rng.nextDouble();
                    }
                }
            }
        }
        return new Episode(this, p, rng.split(), rng.split(), rng.split());
    }

    @Override
    public RewardKind rewardKind() {
        return RewardKind.ZERO_ONE;
    }

    /**
     * False even for the 2016 version: an action's expected reward differs between a trial's two steps, so the
     * baselines that estimate one fixed mean per arm do not apply (only the random policy is offered).
     */
    @Override
    public boolean meansFixed() {
        return false;
    }

    @Override
    public int observationSize() {
        return 3;
    }

    /** A step's expected reward depends on the next step's state: reports show the reward rate. */
    @Override
    public boolean perStepRegret() {
        return false;
    }

    /**
     * The episode's steps, and sampled actions: the analysis of stays needs a stochastic policy (a greedy rule
     * makes every stay certain), and validation by regret has no regret to compare here.
     */
    @Override
    public Map<String, String> trainingDefaults() {
        return Map.of("trials", Integer.toString(defaultTrials()), "actions", "sample");
    }

    /**
     * One finished trial, for the analysis of stays: the first-stage choice (0 = a1, 1 = a2), the second-stage
     * state reached (0 = S2, 1 = S3), whether the transition was the common one, the second-stage action, whether it
     * paid, and whether the choice was correct (+1: its common transition leads to the state that was better at
     * this trial, -1: to the worse, 0: neither is better).
     */
    public record Trial(int choice, int secondStage, boolean common, int secondAction, boolean rewarded, int correct) {
    }

    /** One episode of the two-step task. */
    public static final class Episode implements Task {
        private final TwoStep family;
        private final double[][] initial;   // [stage-2 state][action] reward probabilities at the episode's start
        private final double[][] p;         // [stage-2 state][action] reward probabilities now
        private final SplittableRandom transitions;
        private final SplittableRandom rewards;
        private final SplittableRandom drift;
        private final double[] observation = new double[3];
        private int choice = -1;            // the first-stage action of the trial under way, -1 at stage 1
        private int secondStage;
        private boolean common;
        private Trial lastTrial;

        Episode(TwoStep family, double[][] p, SplittableRandom transitions, SplittableRandom rewards,
                SplittableRandom drift) {
            this.family = family;
            this.initial = new double[][] {p[0].clone(), p[1].clone()};
            this.p = p;
            this.transitions = transitions;
            this.rewards = rewards;
            this.drift = drift;
            observation[S1] = 1;
        }

        @Override
        public int arms() {
            return 2;
        }

        /** Not asked: the family declares no per-step regret. */
        @Override
        public double[] expectedRewards() {
            throw new UnsupportedOperationException("the two-step task has no per-step expected rewards");
        }

        @Override
        public double[] observation() {
            return observation;
        }

        /** Whether the next step is a trial's first. */
        public boolean atFirstStage() {
            return choice < 0;
        }

        /** The reward probability of {@code action} in second-stage state {@code state} (0 = S2, 1 = S3) now. */
        public double rewardProbability(int state, int action) {
            return p[state][action];
        }

        /** The trial finished last; null before the first. */
        public Trial lastTrial() {
            return lastTrial;
        }

        @Override
        public double pull(int action) {
            if (choice < 0) {
                choice = action;
                common = transitions.nextDouble() < family.commonTransition();
                secondStage = (action == 0) == common ? 0 : 1;
                observation[S1] = 0;
                observation[S2 + secondStage] = 1;
                return 0;
            }
            boolean rewarded = rewards.nextDouble() < p[secondStage][action];
            lastTrial = new Trial(choice, secondStage, common, action, rewarded, correct(choice));
            evolve();
            observation[S2 + secondStage] = 0;
            observation[S1] = 1;
            choice = -1;
            return rewarded ? 1 : 0;
        }

        /**
         * +1 if {@code choice}'s common transition leads to the state that is better now (its better action pays
         * more), -1 if to the worse, 0 on a tie: Akam et al.'s correct-choice regressor.
         */
        int correct(int choice) {
            double v2 = Math.max(p[0][0], p[0][1]);
            double v3 = Math.max(p[1][0], p[1][1]);
            if (v2 == v3) {
                return 0;
            }
            int better = v2 > v3 ? 0 : 1;
            return choice == better ? 1 : -1;
        }

        /** The reward probabilities' change after a trial, one draw per trial (per probability for drift). */
        private void evolve() {
            switch (family.kind) {
                case FIXED -> {
                }
                case REVERSAL -> {
                    if (drift.nextDouble() < SWAP) {
                        var s2 = p[0];
                        p[0] = p[1];
                        p[1] = s2;
                    }
                }
                case DRIFT -> {
                    for (int s = 0; s < 2; s++) {
                        for (int a = 0; a < 2; a++) {
                            p[s][a] = reflect(p[s][a] + SIGMA * drift.nextGaussian());
                        }
                    }
                }
            }
        }

        /** Reflects a walk at LOW and HIGH (a step is far smaller than the interval: one reflection suffices). */
        static double reflect(double x) {
            if (x < LOW) {
                return 2 * LOW - x;
            }
            if (x > HIGH) {
                return 2 * HIGH - x;
            }
            return x;
        }

        @Override
        public Task restart(SplittableRandom rng) {
            return new Episode(family, new double[][] {initial[0].clone(), initial[1].clone()}, rng.split(),
                    rng.split(), rng.split());
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "two-step: S2 pays %.2f/%.2f, S3 %.2f/%.2f", p[0][0], p[0][1],
                    p[1][0], p[1][1]);
        }
    }
}
