package l2rl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.w3c.dom.Element;

/** Figures as files: what {@code ./l2rl report} publishes next to each notebook page. */
class FigureExportTest {

    @TempDir
    Path dir;

    private static XYChart regretCurves() {
        var chart = new XYChartBuilder().width(400).height(300).title("Regret, independent arms")
                .xAxisTitle("trial").yAxisTitle("cumulative regret").build();
        chart.addSeries("Thompson", new double[] {1, 2, 3}, new double[] {0.5, 0.75, 5.507999999999999});
        chart.addSeries("UCB, tuned", new double[] {1, 2}, new double[] {0.25, 1.0}, new double[] {0.125, 0.0625});
        return chart;
    }

    @Test
    void aChartBecomesADecodablePngAnSvgWithItsSeriesAndACsvWithItsExactNumbers() throws Exception {
        var files = FigureFiles.writeChart(regretCurves(), dir.resolve("fig01-regret"));
        assertEquals(List.of("fig01-regret.png", "fig01-regret.svg", "fig01-regret.csv"),
                files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toList()));

        var png = ImageIO.read(files.get(0).toFile());
        assertNotNull(png, "the PNG decodes");
        assertEquals(400, png.getWidth());
        assertEquals(300, png.getHeight());

        var xml = DocumentBuilderFactory.newInstance();
        // The SVG names the W3C's DTD; parsing must not fetch it.
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var svg = xml.newDocumentBuilder().parse(files.get(1).toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        var paths = svg.getElementsByTagName("path");
        // The two curves are drawn as paths with one segment per point after the first.
        long curves = Stream.iterate(0, i -> i + 1).limit(paths.getLength())
                .map(i -> ((Element) paths.item(i)).getAttribute("d"))
                .filter(d -> d.startsWith("M") && d.chars().filter(c -> c == 'L').count() >= 1).count();
        assertTrue(curves >= 2, "expected the series' paths in the SVG, found " + curves);

        assertEquals("""
                series,trial,cumulative regret,error
                Thompson,1.0,0.5,
                Thompson,2.0,0.75,
                Thompson,3.0,5.507999999999999,
                "UCB, tuned",1.0,0.25,0.125
                "UCB, tuned",2.0,1.0,0.0625
                """, Files.readString(files.get(2)));
    }

    @Test
    void aHeatMapsCsvHasOneRowPerCellAndACategoryChartsItsCategories() {
        var heat = new HeatMapChartBuilder().title("train by test").xAxisTitle("tested on").yAxisTitle("trained on")
                .build();
        heat.addSeries("regret", List.of("easy", "hard"), List.of("medium"),
                List.of(new Number[] {0, 0, 1.5}, new Number[] {1, 0, 2.25}));
        assertEquals("""
                tested on,trained on,regret
                easy,medium,1.5
                hard,medium,2.25
                """, FigureFiles.csv(heat));

        var bars = new CategoryChartBuilder().build();
        bars.addSeries("pulls", List.of("Gittins", "UCB1"), List.of(3, 4.5));
        assertEquals("series,x,y\npulls,Gittins,3\npulls,UCB1,4.5\n", FigureFiles.csv(bars));
    }

    @Test
    void theExportHoldsWhatTheNotebookEndsUpShowing() throws IOException {
        var kernel = new L2rlKernelBuilder().displayTo(data -> { }).exportFiguresTo(dir).build();
        kernel.onStartup();
        try {
            // A figure, then a live curve redrawn three times: two figures, the second holding its last redraw.
            kernel.eval("""
                    var chart = new org.knowm.xchart.XYChartBuilder().title("Regret").build();
                    chart.addSeries("s", new double[] {1, 2}, new double[] {3, 1});
                    display(chart);
                    String live = display(new org.knowm.xchart.XYChartBuilder().title("Training curve").build());
                    for (int n = 1; n <= 3; n++) {
                        var curve = new org.knowm.xchart.XYChartBuilder().title("Training curve").build();
                        curve.addSeries("regret", new double[] {n}, new double[] {10.0 * n});
                        updateDisplay(live, curve);
                    }
                    """);
            kernel.exportFigures();
            // A cell that clears what it showed keeps only what it shows afterwards.
            kernel.eval("""
                    display(chart);
                    clearOutput();
                    tech.tablesaw.api.Table.create("Arms", tech.tablesaw.api.DoubleColumn.create("p", 0.25, 0.75))
                    """);
            kernel.exportFigures();
        } finally {
            kernel.onShutdown(false);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("fig01-regret.csv", "fig01-regret.png", "fig01-regret.svg",
                            "fig02-training-curve.csv", "fig02-training-curve.png", "fig02-training-curve.svg",
                            "table01-arms.csv"),
                    files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        assertEquals("series,x,y\nregret,3.0,30.0\n", Files.readString(dir.resolve("fig02-training-curve.csv")));
        assertEquals("p\n0.25\n0.75\n", Files.readString(dir.resolve("table01-arms.csv")));
    }

    @Test
    void titlesBecomeShortFileNames() {
        assertEquals("regret-trained-on-medium-tested-on-easy",
                FigureFiles.slug("Regret: trained on medium, tested on easy"));
        assertEquals("bandit-two-armed-dependent-easy-v0", FigureFiles.slug("BanditTwoArmedDependentEasy-v0"));
        assertEquals("a-very-long-title-that-goes-on-and-on-and-on-and",
                FigureFiles.slug("A very long title that goes on and on and on and on and on"));
    }
}
