package l2rl.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import l2rl.cli.UsageErrors;

/** {@code l2rl sweep-table}: the README's table of the shipped sweeps, recomputed from their directories. */
@Command(name = "sweep-table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One row per sweep directory: the protocol's number (top 5 chosen on evaluation episodes "
                + "1-150, mean regret on 151-300) with its 95%% interval, the top run, the share of runs below "
                + "Thompson sampling, and Thompson, Gittins and Bayes-optimal on the same episodes 151-300.",
                "The top 5 agents replay the evaluation episodes and must reproduce their recorded regret."})
public final class SweepTableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEPDIR", arity = "1..*", description = "sweep directories (`l2rl sweep -l`)")
    List<Path> sweepDirs;

    @Option(names = "--runs", paramLabel = "N", description = "only runs 0 .. N-1 of each sweep (default: every recorded run), "
            + "so a table of a sweep still running can be recomputed later")
    Integer runs;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT", description = "markdown or csv (default: ${DEFAULT-VALUE})")
    Format format;

    enum Format { markdown, csv }

    @Override
    public Integer call() {
        if (runs != null) {
            UsageErrors.requireInRange(spec, "--runs", runs, 1, 100_000);
        }
        var tables = new ArrayList<SweepTable>();
        for (var dir : sweepDirs) {
            try {
                tables.add(SweepTable.read(dir, runs == null ? Integer.MAX_VALUE : runs));
            } catch (IOException e) {
                var err = spec.commandLine().getErr();
                err.println("l2rl sweep-table: " + e.getMessage());
                err.flush();
                return UsageErrors.EXIT_CODE;
            }
        }
        var out = spec.commandLine().getOut();
        if (format == Format.csv) {
            out.println("task,finished_runs,protocol_regret,protocol_ci95,top_run,top_run_lr,top_run_gamma,"
                    + "top_run_regret,runs_below_thompson,thompson,gittins,bayes_optimal,lr_min,lr_max,gamma_min,gamma_max");
            for (var t : tables) {
                out.println(String.join(",", t.task(), Integer.toString(t.finishedRuns()),
                        number(t.protocolRegret()), number(t.protocolCi95()), Integer.toString(t.topRun().run()),
                        number(t.topRun().learningRate()), number(t.topRun().gamma()),
                        number(t.topRun().regretSecondHalf()),
                        Double.isNaN(t.baseline("thompson")) ? "" : Integer.toString(t.beatThompson()),
                        number(t.baseline("thompson")), number(t.baseline("gittins")),
                        number(t.baseline("bayes-optimal")), number(t.space().learningRateMin()),
                        number(t.space().learningRateMax()), number(t.space().gammaMin()),
                        number(t.space().gammaMax())));
            }
        } else {
            out.println("| task | lr; gamma drawn from | runs | protocol: top 5, episodes 151-300 (95% CI) | x Bayes-optimal "
                    + "| top run (lr, gamma): regret | runs below Thompson | Thompson | Gittins | Bayes-optimal |");
            out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (var t : tables) {
                var top = t.topRun();
                // A family without Thompson sampling or a Bayes-optimal policy (drifting means, say) shows "-" there.
                boolean thompson = !Double.isNaN(t.baseline("thompson"));
                double bayesOptimal = t.baseline("bayes-optimal");
                out.println(String.format(Locale.ROOT, "| %s | %s | %d | %.2f ± %.2f | %s | %.2f (%.1e, %.2f) | %s | %s | %s | %s |",
                        t.task(), ranges(t.space()), t.finishedRuns(), t.protocolRegret(), t.protocolCi95(),
                        Double.isNaN(bayesOptimal) ? "-"
                                : String.format(Locale.ROOT, "%.2fx", t.protocolRegret() / bayesOptimal),
                        top.regretSecondHalf(), top.learningRate(), top.gamma(),
                        thompson ? String.format(Locale.ROOT, "%d of %d (%.0f%%)", t.beatThompson(), t.finishedRuns(),
                                100.0 * t.beatThompson() / t.finishedRuns()) : "-",
                        orDash(t.baseline("thompson")), orDash(t.baseline("gittins")), orDash(bayesOptimal)));
            }
        }
        out.flush();
        return 0;
    }

    private static String number(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    /** "1e-4..5e-3; 0.7..0.99": short enough for a table cell. */
    private static String ranges(SearchSpace space) {
        return shortNumber(space.learningRateMin()) + ".." + shortNumber(space.learningRateMax()) + "; "
                + shortNumber(space.gammaMin()) + ".." + shortNumber(space.gammaMax());
    }

    private static String shortNumber(double d) {
        if (d != 0 && Math.abs(d) < 0.01) {
            return String.format(Locale.ROOT, "%.0e", d).replace("e-0", "e-");
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String orDash(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.2f", d);
    }
}
