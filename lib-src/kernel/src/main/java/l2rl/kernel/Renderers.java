package l2rl.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.BiConsumer;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.table.Relation;

/**
 * How the notebook shows the library's result types. Lookup walks superclasses, so one registration covers
 * every XChart chart type, and {@link Relation} covers Tablesaw tables and their views.
 * ({@code BufferedImage} as PNG is registered by jjava itself.)
 */
final class Renderers {

    private Renderers() {
    }

    /** Registers the renderers; {@code rendered} hears of each chart and table rendered, with its display bundle. */
    static void registerAll(Renderer renderer, BiConsumer<Object, DisplayData> rendered) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((chart, context) -> {
                    rendered.accept(chart, context.getOutputContainer());
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(chart));
                });
        renderer.createRegistration(Relation.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    rendered.accept(table, context.getOutputContainer());
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.of(table));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print());
                });
    }

    private static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " '" + chart.getTitle() + "'";
        return chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "x" + chart.getHeight() + ")";
    }
}
