package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import l2rl.agent.MetaRlAgent.ActionRule;

/**
 * The validated action rule on the shipped agents: greedy where the posterior-greedy arm is Bayes-optimal (a
 * dependent family), sampling on independent arms, each the rule of lower regret on the validation episodes.
 */
class ActionValidationTest {
    private static final Path AGENTS = Path.of("../../data/agents");

    @Test
    void theShippedHardAgentActsGreedilyAndTheIndependentOneSamples() throws Exception {
        for (var name : new String[] {"hard", "independent"}) {
            var checkpoint = Agents.loadCheckpoint(AGENTS.resolve(name));
            assertEquals(TrainConfig.ActionChoice.VALIDATED, checkpoint.config().actions(), name);
            var agent = Agents.fromCheckpoint(checkpoint);
            double greedy = ActionValidation.validationRegret(agent, checkpoint.config(), ActionRule.GREEDY);
            double sampled = ActionValidation.validationRegret(agent, checkpoint.config(), ActionRule.SAMPLE);
            System.out.printf("%s: validation regret greedy %.3f, sampled %.3f -> %s%n", name, greedy, sampled,
                    agent.actionRule());
            assertEquals(greedy < sampled ? ActionRule.GREEDY : ActionRule.SAMPLE, agent.actionRule(), name);
            assertEquals(name.equals("hard") ? ActionRule.GREEDY : ActionRule.SAMPLE, agent.actionRule(), name);
        }
    }

    @Test
    void aFixedRuleIsTakenAsItIs() throws Exception {
        var checkpoint = Agents.loadCheckpoint(AGENTS.resolve("hard"));
        var agent = Agents.fromCheckpoint(checkpoint);
        assertEquals(ActionRule.SAMPLE,
                ActionValidation.configured(agent, checkpoint.config().with("actions", "sample")).actionRule());
        assertEquals(ActionRule.GREEDY,
                ActionValidation.configured(agent, checkpoint.config().with("actions", "greedy")).actionRule());
    }

    @Test
    void anUnknownRuleNamesTheAllowedOnes() {
        var e = assertThrows(ConfigException.class, () -> TrainConfig.defaults().with("actions", "argmax"));
        assertEquals("config key 'actions' must be validated, sample or greedy, got 'argmax'", e.getMessage());
        assertTrue(TrainConfig.defaults().toProperties().contains("actions = validated"));
    }
}
