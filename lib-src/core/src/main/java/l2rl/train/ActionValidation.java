package l2rl.train;

import l2rl.agent.MetaRlAgent;
import l2rl.agent.MetaRlAgent.ActionRule;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.RegretReport;

/**
 * Chooses how a trained agent acts (config key {@code actions}): a fixed rule, or, for {@code validated}, the
 * rule of lower regret on validation episodes of its training task. The validation episodes come from a stream of
 * the run's seed that training ("train-task") and evaluation (an evaluation seed's "task" stream) never draw, so
 * the choice is a function of the weights and the config alone: the same agent, however loaded, acts the same.
 */
public final class ActionValidation {
    /** Validation episodes per rule; the two rules play the same episodes. */
    public static final int EPISODES = 500;

    private static final int BATCH = 100;

    private ActionValidation() {
    }

    /** {@code agent} acting as {@code config} says. */
    public static MetaRlAgent configured(MetaRlAgent agent, TrainConfig config) {
        return switch (config.actions()) {
            case SAMPLE -> agent.withActionRule(ActionRule.SAMPLE);
            case GREEDY -> agent.withActionRule(ActionRule.GREEDY);
            case VALIDATED -> agent.withActionRule(validated(agent, config));
        };
    }

    /** The rule whose mean regret on the validation episodes is lower; sampling, the paper's, on a tie. */
    public static ActionRule validated(MetaRlAgent agent, TrainConfig config) {
        return validationRegret(agent, config, ActionRule.GREEDY) < validationRegret(agent, config, ActionRule.SAMPLE)
                ? ActionRule.GREEDY : ActionRule.SAMPLE;
    }

    /** Mean regret R_T of {@code agent} acting by {@code rule} on the validation episodes of {@code config}. */
    public static double validationRegret(MetaRlAgent agent, TrainConfig config, ActionRule rule) {
        long seed = Seeds.derive(config.seed(), "action-validation", 0);
        var tasks = new TaskSet(Tasks.family(config.task()), seed, EPISODES);
        return RegretReport.ofRegrets(rule.name(),
                agent.playEpisodes(tasks, config.trials(), seed, BATCH, rule).regrets()).regretMean();
    }
}
