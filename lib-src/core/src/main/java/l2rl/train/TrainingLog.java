package l2rl.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The training log, one CSV row per {@code logEvery} finished episodes. Per row: mean reward and mean
 * expected regret per episode, the mean policy and value losses per update (summed over a rollout's trials,
 * averaged over its episodes), the mean policy entropy per trial in nats, the schedule's values, the mean
 * gradient norm before clipping, and the value head's explained variance 1 - Var(R - V) / Var(R) over the
 * row's trials (1: perfect, 0: no better than a constant).
 */
public final class TrainingLog implements AutoCloseable {
    public static final String FILE = "training-log.csv";
    public static final String HEADER = "episodes,env_steps,mean_reward,mean_regret,policy_loss,value_loss,entropy,"
            + "beta_e,learning_rate,wall_seconds,grad_norm,explained_variance";

    private final BufferedWriter out;

    private TrainingLog(BufferedWriter out) {
        this.out = out;
    }

    /** Opens the log of {@code runDir}; on resume keeps only the rows up to the checkpoint's episode count. */
    public static TrainingLog open(Path runDir, long keepUpTo) throws IOException {
        var file = runDir.resolve(FILE);
        if (keepUpTo > 0 && Files.exists(file)) {
            var kept = new ArrayList<String>();
            kept.add(HEADER);
            for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("episodes")) {
                    continue;
                }
                try {
                    if (Long.parseLong(line.substring(0, line.indexOf(','))) <= keepUpTo) {
                        kept.add(line);
                    }
                } catch (RuntimeException e) {
                    // a torn last line from a killed run: drop it
                }
            }
            var tmp = file.resolveSibling(FILE + ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new TrainingLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        }
        var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writer.write(HEADER);
        writer.newLine();
        writer.flush();
        return new TrainingLog(writer);
    }

    public void row(long episodes, long steps, double meanReward, double meanRegret, double policyLoss,
            double valueLoss, double entropy, double betaE, double lr, double wallSeconds, double gradNorm,
            double explainedVariance) throws IOException {
        out.write(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.5f,%.5f,%.5f,%.5f,%.6g,%.2f,%.4f,%.4f", episodes,
                steps, meanReward, meanRegret, policyLoss, valueLoss, entropy, betaE, lr, wallSeconds, gradNorm,
                explainedVariance));
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
