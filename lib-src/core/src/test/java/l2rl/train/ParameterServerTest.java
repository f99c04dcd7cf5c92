package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class ParameterServerTest {

    /** Replays a journal of updates serially on a fresh optimizer, from the same initial parameters. */
    private static float[] replay(float[] initial, Optimizer.Kind kind, double clip, Iterable<ParameterServer.Update> updates) {
        var server = new ParameterServer(initial, new Optimizer(kind, initial.length, 0.9, 0.999, 1e-6), clip);
        var scratch = new float[initial.length];
        for (var u : updates) {
            server.apply(u.gradient().clone(), u.lr(), scratch);
        }
        return server.parameters();
    }

    @Test
    void concurrentUpdatesAreNeitherLostNorInterleaved() throws Exception {
        int size = 2000;
        int threads = 4;
        int perThread = 300;
        var initial = new float[size];
        var server = new ParameterServer(initial, new Optimizer(Optimizer.Kind.ADAM, size, 0.9, 0.999, 1e-6), 5.0);
        server.recordJournal();
        var start = new CountDownLatch(1);
        var workers = new ArrayList<Thread>();
        for (int w = 0; w < threads; w++) {
            int id = w;
            var t = new Thread(() -> {
                var rng = new SplittableRandom(id);
                var copy = new float[size];
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    var g = new double[size];
                    for (int k = 0; k < size; k++) {
                        g[k] = rng.nextGaussian();
                    }
                    server.apply(g, 1e-3, copy);
                }
            });
            workers.add(t);
            t.start();
        }
        start.countDown();
        for (var t : workers) {
            t.join();
        }
        assertEquals(threads * perThread, server.updates());
        assertEquals(threads * perThread, server.journal().size());
        assertArrayEquals(replay(initial, Optimizer.Kind.ADAM, 5.0, server.journal()), server.parameters());
    }

    @Test
    void a3cTrainingMatchesASerialReplayOfItsGradients() throws Exception {
        var config = TrainConfig.parse("""
                task = BanditTwoArmedDependentEasy-v0
                hidden = 6
                trials = 8
                rollout = 8
                episodes = 96
                batch = 4
                workers = 3
                checkpointEvery = 0
                """);
        var trainer = Trainer.create(config, null, null);
        var initial = trainer.parameters();
        trainer.server().recordJournal();
        var result = trainer.run();
        assertEquals(96, result.episodes());
        assertEquals(24, result.updates());  // 96 episodes / 4 per update, every one applied
        var journal = trainer.server().journal();
        assertEquals(24, journal.size());
        assertArrayEquals(replay(initial, config.optimizer(), config.clipNorm(), journal), trainer.parameters());
    }
}
