package l2rl.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
 * The recurrent actor-critic of Wang et al. (2016): one LSTM layer, then a softmax policy head and a scalar
 * value head, as a SameDiff graph. The same graph serves acting (a sequence of length 1 from the current
 * state) and learning (the whole rollout from the state the rollout started in), so the two always see the
 * same recurrent state and the same parameters. Learning always runs from the episode's first trial.
 *
 * <p>Parameters travel as one flat float vector in this order: LSTM input weights [in, 4H], recurrent
 * weights [H, 4H], bias [4H], policy weights [H, A], policy bias [A], value weights [H, 1], value bias [1].
 *
 * <p>Loss of a rollout of B episodes (summed over the rollout's trials, averaged over episodes, like A3C's
 * per-rollout sum):
 * {@code L = (1/B) sum_{b,t} [ -log pi(a|h) * A  +  beta_v * 0.5 * (R - V)^2  -  beta_e * H(pi) ]}
 * with advantages A and returns R computed outside the graph (constants for the gradient).
 *
 * <p>Not thread-safe: each worker owns its own copy.
 */
public final class LstmActorCritic {
    static final String[] PARAMS = {"W", "R", "b", "Wp", "bp", "Wv", "bv"};

    private final AgentSpec spec;
    private final DataType dtype;
    private final SameDiff sd;
    private final long[][] shapes;
    private final int[] offsets;
    private final int parameterCount;
    private final double[] heads;  // the flat parameters as last set, read by step() for the two heads
    private final LSTMLayerConfig stepConfig = LSTMLayerConfig.builder()
            .lstmdataformat(LSTMDataFormat.TNS)
            .directionMode(LSTMDirectionMode.FWD)
            .gateAct(LSTMActivations.SIGMOID)
            .cellAct(LSTMActivations.TANH)
            .outAct(LSTMActivations.TANH)
            .retFullSequence(false).retLastH(true).retLastC(true)
            .build();

    public LstmActorCritic(AgentSpec spec) {
        this(spec, DataType.FLOAT);
    }

    /** {@code dtype} DOUBLE is for gradient checks; training uses FLOAT. */
    public LstmActorCritic(AgentSpec spec, DataType dtype) {
        this.spec = spec;
        this.dtype = dtype;
        int in = spec.inputSize();
        int h = spec.hidden();
        int a = spec.arms();
        shapes = new long[][] {{in, 4L * h}, {h, 4L * h}, {4L * h}, {h, a}, {a}, {h, 1}, {1}};
        offsets = new int[shapes.length + 1];
        for (int i = 0; i < shapes.length; i++) {
            long n = 1;
            for (long d : shapes[i]) {
                n *= d;
            }
            offsets[i + 1] = offsets[i] + (int) n;
        }
        parameterCount = offsets[shapes.length];
        heads = new double[parameterCount];
        if (parameterCount != spec.parameterCount()) {
            throw new IllegalStateException("parameter count mismatch");
        }
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
        var x = sd.placeHolder("x", dtype, -1, -1, spec.inputSize());          // [T, B, in], time-major
        var h0 = sd.placeHolder("h0", dtype, -1, h);
        var c0 = sd.placeHolder("c0", dtype, -1, h);
        var vars = new SDVariable[PARAMS.length];
        for (int i = 0; i < PARAMS.length; i++) {
            vars[i] = sd.var(PARAMS[i], Nd4j.zeros(dtype, shapes[i]));
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
        // names yLast. LstmActorCriticTest checks one-step acting against the full sequence.
        var out = sd.rnn().lstmLayer(x, h0, c0, null, weights, config);
        var y = out[0];
        sd.identity("hLast", out[1]);
        sd.identity("cLast", out[2]);
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
        var mask = sd.placeHolder("mask", dtype, -1);

        var logpAction = logp.mul(action).sum(1);
        var policyLoss = logpAction.mul(advantage).mul(mask).sum().neg().mul(perEpisode).rename("policyLoss");
        var error = target.sub(value);
        var valueLoss = error.mul(error).mul(mask).sum().mul(0.5).mul(perEpisode).rename("valueLoss");
        var entropy = probs.mul(logp).sum(1).mul(mask).sum().neg().mul(perEpisode).rename("entropy");
        var loss = policyLoss.add(valueLoss.mul(betaV)).sub(entropy.mul(betaE)).rename("loss");
        sd.setLossVariables(loss);
    }

    public AgentSpec spec() {
        return spec;
    }

    public int parameterCount() {
        return parameterCount;
    }

    /** Glorot-uniform LSTM and head weights from {@code rng}; forget bias 1, other biases 0; pi ~ uniform. */
    public static float[] initialParameters(AgentSpec spec, SplittableRandom rng) {
        var net = new float[spec.parameterCount()];
        int in = spec.inputSize();
        int h = spec.hidden();
        int a = spec.arms();
        int i = 0;
        i = fill(net, i, in * 4 * h, Math.sqrt(6.0 / (in + 4 * h)), rng);
        i = fill(net, i, h * 4 * h, Math.sqrt(6.0 / (h + 4 * h)), rng);
        // gate order i, f, g, o (LstmActorCriticTest checks it): forget-gate bias 1, so memory lasts from the
        // start (Jozefowicz et al. 2015) - the agent must integrate evidence over the whole episode
        for (int k = 0; k < h; k++) {
            net[i + h + k] = 1f;
        }
        i += 4 * h;
        i = fill(net, i, h * a, 0.01 * Math.sqrt(6.0 / (h + a)), rng);  // small policy weights: pi ~ uniform
        i += a;
        i = fill(net, i, h, Math.sqrt(6.0 / (h + 1)), rng);
        return net;
    }

    private static int fill(float[] net, int from, int count, double limit, SplittableRandom rng) {
        for (int k = 0; k < count; k++) {
            net[from + k] = (float) ((2 * rng.nextDouble() - 1) * limit);
        }
        return from + count;
    }

    public void setParameters(float[] flat) {
        requireLength(flat.length);
        for (int i = offsets[3]; i < parameterCount; i++) {
            heads[i] = dtype == DataType.FLOAT ? flat[i] : (double) flat[i];
        }
        for (int i = 0; i < PARAMS.length; i++) {
            var arr = sd.getVariable(PARAMS[i]).getArr();
            var part = new float[offsets[i + 1] - offsets[i]];
            System.arraycopy(flat, offsets[i], part, 0, part.length);
            arr.assign(Nd4j.createFromArray(part).castTo(dtype).reshape(shapes[i]));
        }
    }

    public void setParameters(double[] flat) {
        requireLength(flat.length);
        for (int i = offsets[3]; i < parameterCount; i++) {
            heads[i] = dtype == DataType.FLOAT ? (float) flat[i] : flat[i];
        }
        for (int i = 0; i < PARAMS.length; i++) {
            var arr = sd.getVariable(PARAMS[i]).getArr();
            var part = new double[offsets[i + 1] - offsets[i]];
            System.arraycopy(flat, offsets[i], part, 0, part.length);
            arr.assign(Nd4j.createFromArray(part).castTo(dtype).reshape(shapes[i]));
        }
    }

    public float[] parameters() {
        var flat = new float[parameterCount];
        for (int i = 0; i < PARAMS.length; i++) {
            var part = sd.getVariable(PARAMS[i]).getArr().castTo(DataType.FLOAT).reshape(-1).toFloatVector();
            System.arraycopy(part, 0, flat, offsets[i], part.length);
        }
        return flat;
    }

    private void requireLength(int length) {
        if (length != parameterCount) {
            throw new IllegalArgumentException("expected " + parameterCount + " parameters, got " + length);
        }
    }

    /** A zero recurrent state for {@code batch} episodes (every episode starts from it). */
    public INDArray[] zeroState(int batch) {
        return new INDArray[] {Nd4j.zeros(dtype, batch, spec.hidden()), Nd4j.zeros(dtype, batch, spec.hidden())};
    }

    /**
     * One step for B episodes: inputs [B, in] (row-major), state {h, c}. Runs the LSTM op and the two heads as
     * four direct ND4J calls on the graph's own parameter arrays (SameDiff's session costs ~0.4 ms per call,
     * several times the arithmetic at this size); LstmActorCriticTest checks it against the graph.
     */
    public Step step(float[] inputs, INDArray[] state) {
        int batch = (int) state[0].size(0);
        var x = Nd4j.createFromArray(inputs).reshape(1, batch, spec.inputSize()).castTo(dtype);
        var weights = LSTMLayerWeights.builder().iWeights(param(0)).irWeights(param(1)).iBias(param(2)).build();
        // The op's INDArray constructor (1.0.0-M2.1) computes the flags right but files the arrays as outputs,
        // not inputs; so they are cleared and the inputs set here in the native order: x, input weights,
        // recurrent weights, bias, initial h, initial c.
        var op = new org.nd4j.linalg.api.ops.impl.layers.recurrent.LSTMLayer(x, state[0], state[1], null, weights,
                stepConfig);
        op.clearArrays();
        op.setInputArguments(x, param(0), param(1), param(2), state[0], state[1]);
        var out = Nd4j.exec(op);
        var h = out[0];
        var hv = h.castTo(DataType.FLOAT).reshape(-1).toFloatVector();
        // The heads are 2 x 48 multiply-adds per episode: cheaper in Java than four more native calls.
        int arms = spec.arms();
        int hid = spec.hidden();
        var probs = new float[batch * arms];
        var values = new float[batch];
        var logits = new double[arms];
        for (int b = 0; b < batch; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < arms; a++) {
                double z = heads[offsets[4] + a];
                for (int j = 0; j < hid; j++) {
                    z += hv[b * hid + j] * heads[offsets[3] + j * arms + a];
                }
                logits[a] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int a = 0; a < arms; a++) {
                logits[a] = Math.exp(logits[a] - max);
                sum += logits[a];
            }
            for (int a = 0; a < arms; a++) {
                probs[b * arms + a] = (float) (logits[a] / sum);
            }
            double v = heads[offsets[6]];
            for (int j = 0; j < hid; j++) {
                v += hv[b * hid + j] * heads[offsets[5] + j];
            }
            values[b] = (float) v;
        }
        return new Step(probs, values, new INDArray[] {h, out[1]});
    }

    private INDArray param(int block) {
        return sd.getVariable(PARAMS[block]).getArr();
    }

    /** The same step through the SameDiff graph (the reference for {@link #step}). */
    Step graphStep(float[] inputs, INDArray[] state) {
        int batch = (int) state[0].size(0);
        var x = Nd4j.createFromArray(inputs).reshape(1, batch, spec.inputSize()).castTo(dtype);
        var out = run(Map.of("x", x, "h0", state[0], "c0", state[1]), "probs", "value", "hLast", "cLast");
        return new Step(out.get("probs").castTo(DataType.FLOAT).reshape(-1).toFloatVector(),
                out.get("value").castTo(DataType.FLOAT).reshape(-1).toFloatVector(),
                new INDArray[] {out.get("hLast"), out.get("cLast")});
    }

    /** The outcome of one step: policy [B*A] (row-major), values [B], the next state. */
    public record Step(float[] probabilities, float[] values, INDArray[] state) {
    }

    /** Values of every step of a rollout, from the episode start (to check acting against learning). */
    public float[] values(Rollout rollout) {
        var out = run(rolloutInputs(rollout, 0, 0), "value");
        var timeMajor = out.get("value").castTo(DataType.FLOAT).reshape(-1).toFloatVector();
        int b = rollout.batch();
        int t = rollout.length();
        var episodeMajor = new float[timeMajor.length];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                episodeMajor[i * t + j] = timeMajor[j * b + i];
            }
        }
        return episodeMajor;
    }

    /** Loss terms of a rollout. */
    public record Losses(double loss, double policyLoss, double valueLoss, double entropy) {
    }

    /** The loss of {@code rollout} at the current parameters (for gradient checks). */
    public Losses loss(Rollout rollout, double betaV, double betaE) {
        var out = run(rolloutInputs(rollout, betaV, betaE), "loss", "policyLoss", "valueLoss", "entropy");
        return new Losses(out.get("loss").getDouble(0), out.get("policyLoss").getDouble(0),
                out.get("valueLoss").getDouble(0), out.get("entropy").getDouble(0));
    }

    /** The gradient of the loss, flat in parameter order, written into {@code gradient}; returns the losses. */
    public Losses gradient(Rollout rollout, double betaV, double betaE, double[] gradient) {
        requireLength(gradient.length);
        var inputs = rolloutInputs(rollout, betaV, betaE);
        var result = sd.calculateGradientsAndOutputs(inputs, List.of("loss", "policyLoss", "valueLoss", "entropy"),
                List.of(PARAMS));
        var grads = result.getGradients();
        for (int i = 0; i < PARAMS.length; i++) {
            var g = grads.get(PARAMS[i]).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
            System.arraycopy(g, 0, gradient, offsets[i], g.length);
        }
        var out = result.getOutputs();
        releaseSessionCache();
        return new Losses(out.get("loss").getDouble(0), out.get("policyLoss").getDouble(0),
                out.get("valueLoss").getDouble(0), out.get("entropy").getDouble(0));
    }

    /** The graph's inputs for a rollout; the graph is time-major (row t * B + b), rollouts episode-major. */
    private Map<String, INDArray> rolloutInputs(Rollout r, double betaV, double betaE) {
        int b = r.batch();
        int t = r.length();
        int in = spec.inputSize();
        int arms = spec.arms();
        var x = new float[b * t * in];
        var oneHot = new float[b * t * arms];
        var adv = new float[b * t];
        var ret = new float[b * t];
        var mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                int src = i * t + j;
                int dst = j * b + i;
                System.arraycopy(r.inputs(), src * in, x, dst * in, in);
                oneHot[dst * arms + r.actions()[src]] = 1f;
                adv[dst] = r.advantages()[src];
                ret[dst] = r.returns()[src];
                mask[dst] = r.mask()[src];
            }
        }
        var feed = new HashMap<String, INDArray>();
        feed.put("x", Nd4j.createFromArray(x).reshape(t, b, in).castTo(dtype));
        feed.put("h0", Nd4j.zeros(dtype, b, spec.hidden()));
        feed.put("c0", Nd4j.zeros(dtype, b, spec.hidden()));
        feed.put("action", Nd4j.createFromArray(oneHot).reshape(b * t, arms).castTo(dtype));
        feed.put("advantage", Nd4j.createFromArray(adv).castTo(dtype));
        feed.put("return", Nd4j.createFromArray(ret).castTo(dtype));
        feed.put("mask", Nd4j.createFromArray(mask).castTo(dtype));
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

    int blockOffset(int block) {
        return offsets[block];
    }
}
