package l2rl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Figures of a paper-size sweep (the protocol of 100 runs): each run against its setting, and the protocol's result. */
public final class SweepPlots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int PER_FAMILY = 160;

    /** Discount bands, coloured from light to dark: the sweep draws gamma uniformly from [0.7, 0.99]. */
    private static final double[] GAMMA_BANDS = {0.8, 0.9};
    private static final Color[] GAMMA_COLOURS = {new Color(158, 202, 225), new Color(66, 146, 198),
        new Color(8, 69, 148)};

    private SweepPlots() {
    }

    /**
     * Every finished run of one family's sweep: its regret on evaluation episodes 151-300 against its learning rate
     * (log axis, as sampled), coloured by its discount, the protocol's top 5 (chosen on episodes 1-150) marked,
     * with Thompson sampling and the Bayes-optimal policy on the same episodes as horizontal lines.
     */
    public static XYChart runsAgainstLearningRate(String title, double[] learningRate, double[] gamma, double[] regret,
            boolean[] top, double thompson, double bayesOptimal) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("learning rate (log scale)").yAxisTitle("regret R_100, episodes 151-300").build();
        Plots.style(chart);
        var styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setMarkerSize(8);
        styler.setXAxisLogarithmic(true);
        styler.setXAxisDecimalPattern("0.#####");  // 0.0001, 0.001: not 1.0E-4
        styler.setYAxisMin(0.0);
        // Whole decades, so the log axis labels more than the one decade the runs happen to straddle.
        double lowest = java.util.Arrays.stream(learningRate).min().orElse(1e-4);
        double highest = java.util.Arrays.stream(learningRate).max().orElse(1e-2);
        styler.setXAxisMin(Math.pow(10, Math.floor(Math.log10(lowest))));
        styler.setXAxisMax(Math.pow(10, Math.ceil(Math.log10(highest))));
        for (int band = 0; band <= GAMMA_BANDS.length; band++) {
            var x = new ArrayList<Double>();
            var y = new ArrayList<Double>();
            for (int i = 0; i < learningRate.length; i++) {
                if (bandOf(gamma[i]) == band && !top[i]) {
                    x.add(learningRate[i]);
                    y.add(regret[i]);
                }
            }
            if (!x.isEmpty()) {
                var series = chart.addSeries(bandName(band), x, y);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(GAMMA_COLOURS[band]);
            }
        }
        var topX = new ArrayList<Double>();
        var topY = new ArrayList<Double>();
        for (int i = 0; i < learningRate.length; i++) {
            if (top[i]) {
                topX.add(learningRate[i]);
                topY.add(regret[i]);
            }
        }
        if (!topX.isEmpty()) {
            var series = chart.addSeries("top 5 (chosen on 1-150)", topX, topY);
            series.setMarker(SeriesMarkers.DIAMOND);
            series.setMarkerColor(Palette.AGENT);
        }
        double min = java.util.Arrays.stream(learningRate).min().orElse(1e-4);
        double max = java.util.Arrays.stream(learningRate).max().orElse(5e-3);
        level(chart, "thompson", thompson, min, max, false);
        level(chart, "bayes-optimal", bayesOptimal, min, max, true);
        return chart;
    }

    /**
     * The protocol's result per family as a multiple of the Bayes-optimal regret on the same episodes, beside
     * Thompson sampling and Gittins indices: below 1 is impossible, and the paper's 3.1.1 ranking puts the agent
     * below Thompson and above Gittins.
     */
    public static CategoryChart protocolAgainstBaselines(String title, List<String> families, double[] protocol,
            double[] protocolCi95, double[] thompson, double[] gittins, double[] bayesOptimal) {
        // Each family's name sits under its group of bars: the chart widens with the families so names never overlap.
        int width = Math.max(WIDTH, PER_FAMILY * families.size());
        var chart = new CategoryChartBuilder().width(width).height(HEIGHT).title(title)
                .xAxisTitle("task family").yAxisTitle("regret / Bayes-optimal regret").build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        Plots.styleAxes(styler);
        styler.setYAxisMin(0.0);
        styler.setYAxisDecimalPattern("0.0");
        styler.setErrorBarsColor(Color.BLACK);
        addRatio(chart, "agent (protocol: top 5)", families, protocol, protocolCi95, bayesOptimal);
        addRatio(chart, "thompson", families, thompson, null, bayesOptimal);
        addRatio(chart, "gittins", families, gittins, null, bayesOptimal);
        return chart;
    }

    private static void addRatio(CategoryChart chart, String name, List<String> families, double[] regret,
            double[] ci95, double[] bayesOptimal) {
        var ratio = new ArrayList<Double>();
        var error = new ArrayList<Double>();
        for (int f = 0; f < families.size(); f++) {
            ratio.add(regret[f] / bayesOptimal[f]);
            error.add(ci95 == null ? 0.0 : ci95[f] / bayesOptimal[f]);
        }
        var series = chart.addSeries(name, families, ratio, error);
        series.setFillColor(Palette.of(name.startsWith("agent") ? "agent" : name));
    }

    private static void level(XYChart chart, String policy, double regret, double from, double to, boolean dashed) {
        if (Double.isNaN(regret)) {
            return;
        }
        var series = chart.addSeries(String.format(Locale.ROOT, "%s (%.2f)", policy, regret),
                new double[] {from, to}, new double[] {regret, regret});
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(Palette.of(policy));
        series.setLineWidth(2f);
        if (dashed) {
            series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {7f, 5f}, 0f));
        }
    }

    private static int bandOf(double gamma) {
        int band = 0;
        while (band < GAMMA_BANDS.length && gamma >= GAMMA_BANDS[band]) {
            band++;
        }
        return band;
    }

    private static String bandName(int band) {
        return switch (band) {
            case 0 -> "gamma < 0.8";
            case 1 -> "0.8 <= gamma < 0.9";
            default -> "gamma >= 0.9";
        };
    }
}
