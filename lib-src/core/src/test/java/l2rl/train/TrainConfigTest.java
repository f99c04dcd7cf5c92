package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TrainConfigTest {

    @Test
    void defaultsAreThePapersWhereItStatesThem() {
        var c = TrainConfig.defaults();
        assertEquals(48, c.hidden());
        assertEquals(0.05, c.betaV());
        assertEquals(1.0, c.betaEStart());
        assertEquals(0.05, c.betaEEnd());  // not the paper's 0: a floor, measured (data/agents/README.md says why)
        assertEquals(0.05, c.betaEFinal());
        assertEquals(20_000, c.episodes());
        assertEquals(100, c.trials());
        assertEquals(5, c.rollout());  // the original A3C code's t_max
        assertEquals(l2rl.agent.ActorCritic.Engine.FUSED, c.engine());
        assertEquals(l2rl.agent.Cell.LSTM, c.cell());
        assertEquals(l2rl.agent.Cell.LSTM, c.agentSpec().cell());
        assertEquals(0.004, c.learningRate());
        assertTrue(c.meta());
        assertTrue(c.rewardInput());
    }

    @Test
    void aPropertiesTextOverridesAndRoundTrips() {
        var c = TrainConfig.parse("# comment\ngamma = 0.8\noptimizer = rmsprop\nrewardInput=false\n");
        assertEquals(0.8, c.gamma());
        assertEquals(Optimizer.Kind.RMSPROP, c.optimizer());
        assertFalse(c.rewardInput());
        assertEquals(c, TrainConfig.parse(c.toProperties()));
    }

    @Test
    void unknownKeysAndBadValuesAreRefusedNamingKeyAndRange() {
        var e = assertThrows(ConfigException.class, () -> TrainConfig.parse("gama = 0.9"));
        assertTrue(e.getMessage().contains("'gama'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("gamma = 1.5"));
        assertTrue(e.getMessage().contains("'gamma'") && e.getMessage().contains("[0, 1]"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("hidden = many"));
        assertTrue(e.getMessage().contains("'hidden'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("optimizer = sgd"));
        assertTrue(e.getMessage().contains("adam or rmsprop"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("rollout = 101"));
        assertTrue(e.getMessage().contains("'rollout'") && e.getMessage().contains("[1, 100]"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("task = BanditTwoArmedDependentEsy-v0"));
        assertTrue(e.getMessage().contains("BanditTwoArmedDependentEasy-v0"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("engine = fusd"));
        assertTrue(e.getMessage().contains("'engine'") && e.getMessage().contains("fused, fused-double or samediff"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("engine = samediff\nrollout = 5"));
        assertTrue(e.getMessage().contains("samediff needs rollout = trials"), e.getMessage());
        assertEquals(100, TrainConfig.parse("engine = samediff\nrollout = 100").rollout());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("cell = rnn"));
        assertTrue(e.getMessage().contains("'cell'") && e.getMessage().contains("lstm or gru"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("engine = samediff\nrollout = 100\ncell = gru"));
        assertTrue(e.getMessage().contains("'engine'") && e.getMessage().contains("'cell'")
                && e.getMessage().contains("samediff") && e.getMessage().contains("gru"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.defaults().with(Map.of("workers", "0")));
        assertTrue(e.getMessage().contains("'workers'") && e.getMessage().contains("[1, 64]"), e.getMessage());
    }

    @Test
    void theCellIsItsOwnKeyAndSizesTheAgent() {
        var gru = TrainConfig.parse("cell = gru\nhidden = 56");
        assertEquals(l2rl.agent.Cell.GRU, gru.cell());
        assertEquals(l2rl.agent.Cell.GRU, gru.agentSpec().cell());
        assertTrue(gru.toProperties().contains("cell = gru") || gru.toProperties().contains("cell=gru"),
                gru.toProperties());
        assertEquals(gru.toMap(), TrainConfig.parse(gru.toProperties()).toMap());
        // input 4 (2 one-hot arms, reward, t/T): LSTM(48) 10,323 parameters, GRU(56) 10,475
        assertEquals(10_323, TrainConfig.defaults().agentSpec().parameterCount());
        assertEquals(10_475, gru.agentSpec().parameterCount());
    }

    @Test
    void entropyWeightAnnealsLinearlyThenStays() {
        var c = TrainConfig.parse("episodes = 1000\nbetaEAnnealFraction = 0.5\nbetaEEnd = 0\nbetaEFinal = 0");
        assertEquals(1.0, c.betaE(0), 1e-12);
        assertEquals(0.5, c.betaE(250), 1e-12);
        assertEquals(0.0, c.betaE(500), 1e-12);
        assertEquals(0.0, c.betaE(900), 1e-12);
        var floor = TrainConfig.parse("episodes = 1000\nbetaEAnnealFraction = 0.2\nbetaEEnd = 0.1\nbetaEFinal = 0.02");
        assertEquals(1.0, floor.betaE(0), 1e-12);
        assertEquals(0.55, floor.betaE(100), 1e-12);
        assertEquals(0.1, floor.betaE(200), 1e-12);
        assertEquals(0.06, floor.betaE(600), 1e-12);
        assertEquals(0.02, floor.betaE(1000), 1e-12);
    }
}
