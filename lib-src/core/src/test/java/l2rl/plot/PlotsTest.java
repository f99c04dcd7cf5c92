package l2rl.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

import l2rl.baseline.Baselines;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.Evaluation;
import l2rl.eval.RegretReport;
import l2rl.eval.TrainTestMatrix;

class PlotsTest {
    static final List<String> POLICIES = List.of("agent", "bayes-optimal", "gittins", "thompson", "ucb1", "greedy",
            "epsilon-greedy", "random");

    @Test
    void heatMapCellsAndColourBarPrintFixedDecimals() throws Exception {
        var families = List.copyOf(TrainTestMatrix.paperNames().values());
        double[][] regret = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                regret[i][j] = 1 + 0.1 * i + 0.01 * j;
            }
        }
        regret[0][0] = 0.6400000000000001;  // the colour bar printed these ends verbatim
        regret[4][4] = 5.507999999999999;
        regret[2][3] = 1.345;               // %.2f prints 1.35; XChart's half-even pattern printed 1.34
        var chart = Plots.trainTestHeatMap("regret", families, families, regret);
        render(chart);

        var styler = chart.getStyler();
        assertEquals("0.6", Double.toString(styler.getMin()));
        assertEquals("5.6", Double.toString(styler.getMax()));
        List<Number[]> cells = new ArrayList<>(chart.getSeriesMap().get("regret").getHeatData());
        assertEquals(25, cells.size());
        for (var cell : cells) {
            var shortest = Double.toString(cell[2].doubleValue());
            assertTrue(shortest.matches("\\d+\\.\\d{1,2}"), "a cell value with more than two decimals: " + shortest);
        }
        assertTrue(cells.stream().anyMatch(cell -> cell[2].doubleValue() == 1.35), "1.345 rounds half up, as the table");
        assertEquals("0.00", styler.getHeatMapValueDecimalPattern());
    }

    @Test
    void trialAxesTickAtRoundTrials() throws Exception {
        var reports = baselines(100);
        assertRoundTicks(Plots.regretCurves("regret", reports), 10);
        assertRoundTicks(Plots.suboptimalPullRaster("raster", reports.get(0)), 10);
        var curves = new LinkedHashMap<String, double[]>();
        curves.put("trained", IntStream.range(0, 100).mapToDouble(t -> t / 100.0).toArray());
        assertRoundTicks(ProbePlots.byTrial("by trial", "R^2", curves, 0.0, 1.0), 10);
    }

    @Test
    void trainingCurvesTickAtRoundEpisodes() throws Exception {
        // logged every batch of 8 episodes, as the trainer logs: XChart put ticks at 1,672, 3,344, ... (and 360, 720)
        for (int batch : new int[] {8, 24}) {
            double[] episodes = IntStream.rangeClosed(1, 20_000 / batch).mapToDouble(i -> i * batch).toArray();
            double[] regret = IntStream.range(0, episodes.length).mapToDouble(i -> 10.0 / (1 + i)).toArray();
            var chart = Plots.trainingCurve("training", "regret", episodes, regret);
            chart.getStyler().setXAxisMax(20_000.0);
            assertRoundTicks(chart, 1000);
        }
    }

    @Test
    void learningCurvesDrawEveryRunAndEachLevelFlatAcrossTheirEpisodes() throws Exception {
        double[] episodes = IntStream.rangeClosed(1, 50).mapToDouble(i -> i * 400).toArray();
        var runs = new LinkedHashMap<String, double[][]>();
        for (int seed = 1; seed <= 3; seed++) {
            int s = seed;
            runs.put("seed " + s, new double[][] {episodes,
                Arrays.stream(episodes).map(e -> 2 + s * 10_000 / (e + 500)).toArray()});
        }
        var levels = new LinkedHashMap<String, Double>();
        levels.put("gittins-0.8 on held-out episodes", 2.4);
        levels.put("bayes-optimal on held-out episodes", 1.9);
        var chart = Plots.learningCurves("learning", "regret", runs, levels, 8);
        var series = chart.getSeriesMap();
        assertEquals(5, series.size());
        assertEquals(3, runs.keySet().stream().map(run -> series.get(run).getLineColor()).distinct().count(),
                "each seed its own shade");
        var gittins = series.get("gittins-0.8 on held-out episodes");
        assertEquals(Palette.of("gittins"), gittins.getLineColor());
        assertEquals(Palette.of("bayes-optimal"), series.get("bayes-optimal on held-out episodes").getLineColor());
        assertArrayEquals(new double[] {2.4, 2.4}, gittins.getYData());
        assertEquals(20_000, gittins.getXData()[1]);
        assertTrue(gittins.getXData()[0] <= 400, "a level spans the runs from their first logged episode");
        assertEquals(8.0, chart.getStyler().getYAxisMax());
        assertRoundTicks(chart, 1000);
    }

    @Test
    void aPolicyHasOneColourInEveryFigure() throws Exception {
        var reports = baselines(20);
        var withAgent = new ArrayList<RegretReport>(List.of(reports.get(3).named("agent")));
        withAgent.addAll(reports);
        var reversed = new ArrayList<>(withAgent);
        java.util.Collections.reverse(reversed);
        var first = Plots.regretCurves("one order", withAgent);
        var second = Plots.regretCurves("the other order", reversed);
        for (var policy : POLICIES) {
            assertEquals(first.getSeriesMap().get(policy).getLineColor(), second.getSeriesMap().get(policy).getLineColor(),
                    policy);
            assertEquals(Palette.of(policy), first.getSeriesMap().get(policy).getLineColor(), policy);
        }
        assertEquals(POLICIES.size(), new HashSet<>(POLICIES.stream().map(Palette::of).toList()).size(),
                "two policies share a colour");

        // notebook 05's networks are agents too: the trained one is the agent's red, its controls keep theirs
        var curves = new LinkedHashMap<String, double[]>();
        for (var network : List.of("no reward input", "untrained", "trained")) {
            curves.put(network, new double[] {0, 0.5, 1});
        }
        var probe = ProbePlots.byTrial("networks", "R^2", curves, null, null);
        assertEquals(first.getSeriesMap().get("agent").getLineColor(), probe.getSeriesMap().get("trained").getLineColor());
        assertEquals(Palette.of("untrained"), probe.getSeriesMap().get("untrained").getLineColor());
        assertNotEquals(Palette.of("thompson"), Palette.of("no reward input"));
        assertEquals(Palette.AGENT, Palette.of("agent (trained here)"));
        assertNotEquals(Palette.of("agent (trained here)"), Palette.of("agent (pretrained)"));
        Color untrainedPoints = ProbePlots.scatter("untrained", "s", "x", "y", new double[] {0, 1}, new double[] {0, 1},
                10, false).getSeriesMap().get("points").getMarkerColor();
        assertEquals(Palette.of("untrained").getRGB() & 0xFFFFFF, untrainedPoints.getRGB() & 0xFFFFFF);
    }

    @Test
    void colourBinsNameTheirEdgesExactly() {
        assertEquals("0.125", ProbePlots.edge(0.125));
        assertEquals("0.375", ProbePlots.edge(0.375));
        assertEquals("0.5", ProbePlots.edge(0.5));
        assertEquals("0.0", ProbePlots.edge(0.0));
        assertEquals("1.0", ProbePlots.edge(1.0));
        assertEquals("0.333", ProbePlots.edge(1.0 / 3));
    }

    /**
     * Renders the chart, recording the x values XChart formats as tick labels, and checks each is a multiple of
     * step. Besides the ticks (and one candidate beyond each end, not drawn) XChart formats the axis's ends to
     * measure label widths: those are left out.
     */
    static void assertRoundTicks(XYChart chart, double step) throws Exception {
        var formatted = new java.util.TreeSet<Double>();
        var own = chart.getStyler().getxAxisTickLabelsFormattingFunction();
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            formatted.add(x);
            return own == null ? String.format(Locale.ROOT, "%.0f", x) : own.apply(x);
        });
        render(chart);
        var styler = chart.getStyler();
        double dataMax = chart.getSeriesMap().values().stream()
                .flatMapToDouble(series -> java.util.Arrays.stream(series.getXData())).max().orElseThrow();
        var ends = List.of(styler.getXAxisMin(), styler.getXAxisMax() == null ? dataMax : styler.getXAxisMax());
        var ticks = formatted.stream().filter(x -> !ends.contains(x)).toList();
        var shown = ticks.subList(0, Math.min(ticks.size(), 12));
        assertTrue(ticks.size() >= 4, "too few ticks: " + ticks);
        for (double x : ticks) {
            assertEquals(0, Math.abs(Math.IEEEremainder(x, step)), 1e-9, "a tick off the round steps of " + step
                    + ", the first ticks: " + shown);
        }
        // the leading point that makes XChart choose round ticks is never drawn
        for (XYSeries series : chart.getSeriesMap().values()) {
            assertTrue(series.getXData()[0] >= chart.getStyler().getXAxisMin() || Double.isNaN(series.getYData()[0]));
        }
    }

    static List<RegretReport> baselines(int trials) {
        var tasks = new TaskSet(Tasks.family(Tasks.DEPENDENT_MEDIUM), 1, 30);
        return Evaluation.run(Baselines.forFamily(tasks.family(), trials), tasks, trials);
    }

    static void render(Chart<?, ?> chart) throws Exception {
        BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
