package l2rl.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared, global parameters of A3C, in process. Workers compute gradients on their own copies and hand
 * them here; {@link #apply} clips, steps the optimizer and copies the new parameters out, all under one lock,
 * so no update can be lost or interleaved with another (race-free by construction, and checked by
 * ParameterServerTest against a serial replay). With one worker this is plain synchronous A2C.
 */
public final class ParameterServer {
    private final float[] params;
    private final Optimizer optimizer;
    private final double clipNorm;
    private long updates;
    private List<Update> journal;  // the applied updates in order, when recording (tests)

    public ParameterServer(float[] initial, Optimizer optimizer, double clipNorm) {
        this.params = initial.clone();
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
    }

    /**
     * Applies one worker's gradient (clipped to the global norm) with learning rate {@code lr}, then copies the
     * new global parameters into {@code copyOut}. Returns the gradient's norm before clipping.
     */
    public synchronized double apply(double[] gradient, double lr, float[] copyOut) {
        if (journal != null) {
            journal.add(new Update(gradient.clone(), lr));
        }
        double norm = Optimizer.clipGlobalNorm(gradient, clipNorm);
        optimizer.step(params, gradient, lr);
        updates++;
        System.arraycopy(params, 0, copyOut, 0, params.length);
        return norm;
    }

    public synchronized float[] parameters() {
        return params.clone();
    }

    public synchronized long updates() {
        return updates;
    }

    synchronized Optimizer optimizer() {
        return optimizer;
    }

    synchronized void restore(float[] savedParams, long savedUpdates) {
        System.arraycopy(savedParams, 0, params, 0, params.length);
        updates = savedUpdates;
    }

    /** Starts keeping every applied gradient, in order (for tests). */
    synchronized void recordJournal() {
        journal = new ArrayList<>();
    }

    /** One applied update: the gradient as received (before clipping) and its learning rate. */
    record Update(double[] gradient, double lr) {
    }

    synchronized List<Update> journal() {
        return List.copyOf(journal);
    }
}
