package l2rl.plot;

import java.awt.Color;
import java.util.stream.IntStream;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import l2rl.analysis.VolatilityAnalysis;

/** The figures of paper 3.1.4 (Fig. 4): a restless episode with a learner's choices, and fitted learning rates. */
public final class RestlessPlots {
    private RestlessPlots() {
    }

    /**
     * One episode: p1 at each trial (the better arm is arm 1 above 1/2), the exact filter's predictive mean of p1,
     * and the learner's choices, arm 1 drawn as a dot at the top and arm 2 at the bottom.
     */
    public static XYChart episode(String title, double[] p1, double[] predictive, int[] arms) {
        var chart = new XYChartBuilder().width(720).height(300).title(title).xAxisTitle("trial t")
                .yAxisTitle("p1").build();
        Plots.style(chart);
        chart.getStyler().setYAxisMin(-0.08);
        chart.getStyler().setYAxisMax(1.08);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        var t = IntStream.rangeClosed(1, p1.length).asDoubleStream().toArray();
        var truth = chart.addSeries("p1", t, p1);
        truth.setMarker(SeriesMarkers.NONE);
        truth.setLineColor(Color.DARK_GRAY);
        truth.setLineWidth(2.5f);
        var belief = chart.addSeries("E[p1] (exact filter)", t, predictive);
        belief.setMarker(SeriesMarkers.NONE);
        belief.setLineColor(Palette.BAYES_OPTIMAL);
        belief.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        for (int arm = 0; arm < 2; arm++) {
            int a = arm;
            var at = IntStream.range(0, arms.length).filter(i -> arms[i] == a).mapToDouble(i -> i + 1.0).toArray();
            if (at.length == 0) {
                continue;
            }
            var y = new double[at.length];
            java.util.Arrays.fill(y, arm == 0 ? 1.04 : -0.04);
            var choices = chart.addSeries("agent pulls arm " + (arm + 1), at, y);
            choices.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            choices.setMarker(SeriesMarkers.CIRCLE);
            choices.setMarkerColor(arm == 0 ? Palette.AGENT : Palette.AGENT_PRETRAINED);
        }
        return chart;
    }

    /**
     * The fitted learning rate of each pair of blocks (model ab, one alpha per block): low-volatility block on x,
     * high-volatility block on y, one series per learner; above the diagonal the rate is higher under high volatility.
     */
    public static XYChart learningRates(String title, VolatilityAnalysis.LearningRates... learners) {
        var chart = new XYChartBuilder().width(560).height(480).title(title)
                .xAxisTitle("alpha, low-volatility block").yAxisTitle("alpha, high-volatility block").build();
        Plots.style(chart);
        // the points sit above the diagonal, at small rates: the empty corner is the bottom right
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        double max = 0;
        for (var l : learners) {
            max = Math.max(max, java.util.Arrays.stream(l.lowAlphas()).max().orElse(0));
            max = Math.max(max, java.util.Arrays.stream(l.highAlphas()).max().orElse(0));
        }
        max = Math.min(1, max * 1.1);
        var diagonal = chart.addSeries("equal rates", new double[] {0, max}, new double[] {0, max});
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        for (int i = 0; i < learners.length; i++) {
            var l = learners[i];
            var s = chart.addSeries(l.learner(), l.lowAlphas(), l.highAlphas());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Palette.of(l.learner()));
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMax(max);
        chart.getStyler().setYAxisMax(max);
        return chart;
    }
}
