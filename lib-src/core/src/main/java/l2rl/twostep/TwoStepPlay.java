package l2rl.twostep;

import java.util.SplittableRandom;

import l2rl.agent.MetaRlAgent;
import l2rl.env.CheckedTask;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;
import l2rl.env.TwoStep;

/**
 * Plays the two-step task and keeps what the analysis reads: every finished trial of every episode,
 * trials[episode][trial]. Reference learners and the agent play the same {@link TaskSet}, so they meet the same
 * transition and reward draws.
 */
public final class TwoStepPlay {
    private TwoStepPlay() {
    }

    /** The family of a two-step task set; anything else is refused. */
    public static TwoStep family(TaskSet tasks) {
        if (!(tasks.family() instanceof TwoStep family)) {
            throw new IllegalArgumentException("not a two-step task: " + tasks.family().description());
        }
        return family;
    }

    /**
     * {@code learner} on every episode of {@code tasks} for the family's trials, its actions drawn from
     * {@code Seeds.rng(seed, "two-step-policy", episode)}.
     */
    public static TwoStep.Trial[][] play(TwoStepLearner learner, TaskSet tasks, long seed) {
        var family = family(tasks);
        var trials = new TwoStep.Trial[tasks.episodes()][];
        for (int e = 0; e < tasks.episodes(); e++) {
            trials[e] = play(learner, tasks.task(e), family, Seeds.rng(seed, "two-step-policy", e));
        }
        return trials;
    }

    /** One episode of {@code learner} on {@code task}. */
    public static TwoStep.Trial[] play(TwoStepLearner learner, CheckedTask task, TwoStep family, SplittableRandom rng) {
        var episode = (TwoStep.Episode) task.task();
        var trials = new TwoStep.Trial[family.trialsPerEpisode()];
        learner.reset(family);
        var x = new double[family.observationSize()];
        for (int t = 0; t < trials.length; t++) {
            for (int step = 0; step < TwoStep.STEPS; step++) {
                task.observe(x, 0);
                task.pull(learner.act(state(x), rng));
            }
            trials[t] = episode.lastTrial();
            learner.learn(trials[t]);
        }
        return trials;
    }

    /**
     * The frozen {@code agent} on every episode of {@code tasks}, always sampling its action from its policy (the
     * analysis of stays needs a stochastic policy), with the action streams of {@code l2rl evaluate}
     * ({@code Seeds.rng(seed, "agent-action", episode)}); its steps are replayed on fresh copies of the tasks to
     * recover each trial.
     */
    public static TwoStep.Trial[][] play(MetaRlAgent agent, TaskSet tasks, long seed) {
        var family = family(tasks);
        var actions = agent.predict(tasks, family.defaultTrials(), seed, 50, MetaRlAgent.ActionRule.SAMPLE);
        var trials = new TwoStep.Trial[tasks.episodes()][];
        for (int e = 0; e < tasks.episodes(); e++) {
            trials[e] = replay(tasks.task(e), family, actions[e]);
        }
        return trials;
    }

    /** The trials of {@code task} when its steps take {@code actions}. */
    public static TwoStep.Trial[] replay(CheckedTask task, TwoStep family, int[] actions) {
        var episode = (TwoStep.Episode) task.task();
        var trials = new TwoStep.Trial[actions.length / TwoStep.STEPS];
        for (int t = 0; t < trials.length; t++) {
            task.pull(actions[TwoStep.STEPS * t]);
            task.pull(actions[TwoStep.STEPS * t + 1]);
            trials[t] = episode.lastTrial();
        }
        return trials;
    }

    /**
     * The first {@code n} trials of one episode as a table: the first-stage choice, the transition, the state
     * reached, the reward, and whether the next trial repeats the choice.
     */
    public static tech.tablesaw.api.Table table(String name, TwoStep.Trial[] episode, int n) {
        var trial = tech.tablesaw.api.IntColumn.create("trial");
        var choice = tech.tablesaw.api.StringColumn.create("step 1: choice");
        var transition = tech.tablesaw.api.StringColumn.create("transition");
        var state = tech.tablesaw.api.StringColumn.create("step 2: state");
        var reward = tech.tablesaw.api.IntColumn.create("reward");
        var next = tech.tablesaw.api.StringColumn.create("next trial");
        for (int t = 0; t < Math.min(n, episode.length); t++) {
            var x = episode[t];
            trial.append(t + 1);
            choice.append(x.choice() == 0 ? "a1" : "a2");
            transition.append(x.common() ? "common" : "rare");
            state.append(x.secondStage() == 0 ? "S2" : "S3");
            reward.append(x.rewarded() ? 1 : 0);
            next.append(t + 1 < episode.length ? episode[t + 1].choice() == x.choice() ? "stay" : "switch" : "");
        }
        return tech.tablesaw.api.Table.create(name, trial, choice, transition, state, reward, next);
    }

    /** The state (S1, S2 or S3) a one-hot observation shows. */
    static int state(double[] x) {
        return x[TwoStep.S1] == 1 ? TwoStep.S1 : x[TwoStep.S2] == 1 ? TwoStep.S2 : TwoStep.S3;
    }

    /** Mean reward per trial. */
    public static double rewardRate(TwoStep.Trial[][] trials) {
        long paid = 0;
        long n = 0;
        for (var episode : trials) {
            for (var trial : episode) {
                paid += trial.rewarded() ? 1 : 0;
                n++;
            }
        }
        return (double) paid / n;
    }
}
