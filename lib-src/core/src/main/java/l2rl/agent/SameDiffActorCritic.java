package l2rl.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.memory.NoOpMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The actor-critic as a DL4J/ND4J SameDiff graph: the framework reference engine, and the place to start for a
 * reader who wants to change the architecture and let autodiff find the gradient. Same parameters
 * ({@link ParameterLayout}), same rollouts and same loss as {@link FusedLstmActorCritic}; tests hold the two
 * equal. Learning recomputes the forward pass over the rollout from its start state inside the graph.
 *
 * <p>Costs, measured (DL4J-NOTES items 3 and 7): libnd4j's fused LSTM ops leak native memory on every call
 * (~1.9 MB per update at batch 8, ~200 B per acting step), and per-call overhead makes an update 10-20x slower
 * than the fused engine's. Use it to check, not to train for long.
 */
public final class SameDiffActorCritic implements ActorCritic {
    private final AgentSpec spec;
    private final ParameterLayout layout;
    private final List<ParameterLayout.Block> blocks;
    private final DataType dtype;
    private final SameDiff sd;
    private final double[] heads;  // the flat parameters as last set, read by act() for the two heads
    private final LSTMLayerConfig stepConfig = LSTMLayerConfig.builder()
            .lstmdataformat(LSTMDataFormat.TNS)
            .directionMode(LSTMDirectionMode.FWD)
            .gateAct(LSTMActivations.SIGMOID)
            .cellAct(LSTMActivations.TANH)
            .outAct(LSTMActivations.TANH)
            .retFullSequence(false).retLastH(true).retLastC(true)
            .build();

    public SameDiffActorCritic(AgentSpec spec) {
        this(spec, DataType.FLOAT);
    }

    /** {@code dtype} DOUBLE is for gradient checks; training uses FLOAT. */
    public SameDiffActorCritic(AgentSpec spec, DataType dtype) {
        this.spec = spec;
        this.dtype = dtype;
        this.layout = ParameterLayout.of(spec);
        this.blocks = layout.blocks();
        this.heads = new double[layout.size()];
        sd = SameDiff.create();
        build();
        createGradientGraph();
    }

    private static final Object STDOUT_LOCK = new Object();

    /**
     * Builds the backward graph now rather than at the first update: SameDiff prints a line per op to
     * standard output while doing it, which would corrupt a command's table or CSV output.
     */
    private void createGradientGraph() {
        synchronized (STDOUT_LOCK) {
            var stdout = System.out;
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction();
            } finally {
                System.setOut(stdout);
            }
        }
    }

    private void build() {
        int h = spec.hidden();
        var x = sd.placeHolder("x", dtype, -1, -1, spec.inputSize());          // [T, B, I], step-major
        var h0 = sd.placeHolder("h0", dtype, -1, h);                           // [B, H] the rollout's start state
        var c0 = sd.placeHolder("c0", dtype, -1, h);
        var vars = new SDVariable[blocks.size()];
        for (int i = 0; i < vars.length; i++) {
            vars[i] = sd.var(blocks.get(i).name(), Nd4j.zeros(dtype, blocks.get(i).shape()));
        }
        var weights = LSTMLayerWeights.builder().weights(vars[0]).rWeights(vars[1]).bias(vars[2]).build();
        var config = LSTMLayerConfig.builder()
                .lstmdataformat(LSTMDataFormat.TNS)
                .directionMode(LSTMDirectionMode.FWD)
                .gateAct(LSTMActivations.SIGMOID)
                .cellAct(LSTMActivations.TANH)
                .outAct(LSTMActivations.TANH)
                .retFullSequence(true).retLastH(true).retLastC(true)
                .build();
        // DL4J-NOTES pitfall 2: this op takes the initial h where it names cLast and the initial c where it
        // names yLast. The engine tests check one-step acting against the full sequence.
        var out = sd.rnn().lstmLayer(x, h0, c0, null, weights, config);
        var y = out[0];
        var flat = sd.reshape(y, sd.constant(Nd4j.createFromArray(-1L, h)));  // [T*B, H], row t*B + b
        var logits = flat.mmul(vars[3]).add(vars[4]);
        var logp = sd.nn().logSoftmax("logp", logits);  // pitfall 1: no dimension argument
        var probs = sd.math().exp(logp).rename("probs");
        var value = sd.reshape("value", flat.mmul(vars[5]).add(vars[6]), sd.constant(Nd4j.createFromArray(-1L)));

        var action = sd.placeHolder("action", dtype, -1, spec.arms());        // one-hot, [T*B, A]
        var advantage = sd.placeHolder("advantage", dtype, -1);
        var target = sd.placeHolder("return", dtype, -1);
        var betaE = sd.placeHolder("betaE", dtype);
        var betaV = sd.placeHolder("betaV", dtype);
        var perEpisode = sd.placeHolder("invBatch", dtype);

        var logpAction = logp.mul(action).sum(1);
        var policyLoss = logpAction.mul(advantage).sum().neg().mul(perEpisode).rename("policyLoss");
        var error = target.sub(value);
        var valueLoss = error.mul(error).sum().mul(0.5).mul(perEpisode).rename("valueLoss");
        var entropy = probs.mul(logp).sum(1).sum().neg().mul(perEpisode).rename("entropy");
        var loss = policyLoss.add(valueLoss.mul(betaV)).sub(entropy.mul(betaE)).rename("loss");
        sd.setLossVariables(loss);
    }

    @Override
    public AgentSpec spec() {
        return spec;
    }

    @Override
    public void setParameters(float[] flat) {
        var d = new double[flat.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = flat[i];
        }
        setParameters(d);
    }

    @Override
    public void setParameters(double[] flat) {
        if (flat.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters, got " + flat.length);
        }
        for (int i = 0; i < flat.length; i++) {
            heads[i] = dtype == DataType.FLOAT ? (float) flat[i] : flat[i];
        }
        for (var block : blocks) {
            var part = new double[block.size()];
            System.arraycopy(flat, block.offset(), part, 0, part.length);
            sd.getVariable(block.name()).getArr().assign(Nd4j.createFromArray(part).castTo(dtype).reshape(block.shape()));
        }
    }

    /**
     * One trial for every episode: runs the LSTM op and the two heads as direct ND4J calls on the graph's own
     * parameter arrays (SameDiff's session costs ~0.4 ms per call, several times the arithmetic at this size).
     */
    @Override
    public void act(Rollout r, int t) {
        int batch = r.batch;
        int hid = spec.hidden();
        var x = slice(r.x, t * batch * r.inputs, batch * r.inputs).reshape(1, batch, r.inputs);
        var h0 = slice(r.h, t * batch * hid, batch * hid).reshape(batch, hid);
        var c0 = slice(r.c, t * batch * hid, batch * hid).reshape(batch, hid);
        var weights = LSTMLayerWeights.builder().iWeights(param(0)).irWeights(param(1)).iBias(param(2)).build();
        // The op's INDArray constructor (1.0.0-M2.1) computes the flags right but files the arrays as outputs,
        // not inputs; so they are cleared and the inputs set here in the native order: x, input weights,
        // recurrent weights, bias, initial h, initial c.
        var op = new org.nd4j.linalg.api.ops.impl.layers.recurrent.LSTMLayer(x, h0, c0, null, weights, stepConfig);
        op.clearArrays();
        op.setInputArguments(x, param(0), param(1), param(2), h0, c0);
        var out = Nd4j.exec(op);
        var h = out[0].castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        var c = out[1].castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        System.arraycopy(h, 0, r.h, (t + 1) * batch * hid, h.length);
        System.arraycopy(c, 0, r.c, (t + 1) * batch * hid, c.length);
        // The heads are 2 x 48 multiply-adds per episode: cheaper in Java than four more native calls.
        int arms = spec.arms();
        for (int b = 0; b < batch; b++) {
            int s = t * batch + b;
            int hn = (s + batch) * hid;
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < arms; a++) {
                double z = heads[layout.bp() + a];
                for (int j = 0; j < hid; j++) {
                    z += r.h[hn + j] * heads[layout.wp() + j * arms + a];
                }
                r.logProbs[s * arms + a] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int a = 0; a < arms; a++) {
                sum += Math.exp(r.logProbs[s * arms + a] - max);
            }
            for (int a = 0; a < arms; a++) {
                r.logProbs[s * arms + a] -= max + Math.log(sum);
                r.probs[s * arms + a] = Math.exp(r.logProbs[s * arms + a]);
            }
            double v = heads[layout.bv()];
            for (int j = 0; j < hid; j++) {
                v += r.h[hn + j] * heads[layout.wv() + j];
            }
            r.values[s] = v;
        }
    }

    private INDArray slice(double[] a, int from, int length) {
        var part = new double[length];
        System.arraycopy(a, from, part, 0, length);
        return Nd4j.createFromArray(part).castTo(dtype);
    }

    private INDArray param(int block) {
        return sd.getVariable(blocks.get(block).name()).getArr();
    }

    /** Values of every trial of a rollout through the graph, [T, B] (to check acting against learning). */
    public double[] values(Rollout rollout) {
        var out = run(rolloutInputs(rollout, 0, 0), "value");
        return out.get("value").castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    }

    /** The loss of {@code rollout} at the current parameters (for gradient checks). */
    public Losses loss(Rollout rollout, double betaV, double betaE) {
        var out = run(rolloutInputs(rollout, betaV, betaE), "loss", "policyLoss", "valueLoss", "entropy");
        return new Losses(out.get("loss").getDouble(0), out.get("policyLoss").getDouble(0),
                out.get("valueLoss").getDouble(0), out.get("entropy").getDouble(0));
    }

    @Override
    public Losses learn(Rollout rollout, double betaV, double betaE, double[] gradient) {
        if (gradient.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters, got " + gradient.length);
        }
        var inputs = rolloutInputs(rollout, betaV, betaE);
        var names = blocks.stream().map(ParameterLayout.Block::name).toList();
        var result = sd.calculateGradientsAndOutputs(inputs, List.of("loss", "policyLoss", "valueLoss", "entropy"),
                names);
        var grads = result.getGradients();
        for (var block : blocks) {
            var g = grads.get(block.name()).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
            System.arraycopy(g, 0, gradient, block.offset(), g.length);
        }
        var out = result.getOutputs();
        releaseSessionCache();
        return new Losses(out.get("loss").getDouble(0), out.get("policyLoss").getDouble(0),
                out.get("valueLoss").getDouble(0), out.get("entropy").getDouble(0));
    }

    /** The graph's inputs for a rollout: its trials [0, length) from its start state. */
    private Map<String, INDArray> rolloutInputs(Rollout r, double betaV, double betaE) {
        int b = r.batch;
        int t = r.length();
        int arms = spec.arms();
        int hid = spec.hidden();
        var oneHot = new double[b * t * arms];
        for (int s = 0; s < b * t; s++) {
            oneHot[s * arms + r.actions[s]] = 1;
        }
        var feed = new HashMap<String, INDArray>();
        feed.put("x", slice(r.x, 0, t * b * r.inputs).reshape(t, b, r.inputs));
        feed.put("h0", slice(r.h, 0, b * hid).reshape(b, hid));
        feed.put("c0", slice(r.c, 0, b * hid).reshape(b, hid));
        feed.put("action", Nd4j.createFromArray(oneHot).reshape(b * t, arms).castTo(dtype));
        feed.put("advantage", slice(r.advantages, 0, b * t));
        feed.put("return", slice(r.returns, 0, b * t));
        feed.put("betaE", Nd4j.scalar(dtype, betaE));
        feed.put("betaV", Nd4j.scalar(dtype, betaV));
        feed.put("invBatch", Nd4j.scalar(dtype, 1.0 / b));
        return feed;
    }

    private Map<String, INDArray> run(Map<String, INDArray> inputs, String... outputs) {
        var out = sd.output(inputs, outputs);
        releaseSessionCache();
        return out;
    }

    /**
     * SameDiff's default session memory manager caches freed arrays for reuse, up to a fraction of the
     * machine's memory: with our shapes that reads as native memory growing by megabytes per fit (DL4J-NOTES
     * pitfall 3). Plain allocation is as fast at this size and keeps memory flat.
     */
    private void releaseSessionCache() {
        noCache(sd);
        var grad = sd.getFunction("grad");  // the backward graph runs in its own SameDiff, with its own sessions
        if (grad != null) {
            noCache(grad);
        }
    }

    private static void noCache(SameDiff graph) {
        for (var session : graph.getSessions().values()) {
            if (!(session.getMmgr() instanceof NoOpMemoryMgr)) {
                session.getMmgr().close();
                session.setMmgr(new NoOpMemoryMgr());
            }
        }
    }
}
