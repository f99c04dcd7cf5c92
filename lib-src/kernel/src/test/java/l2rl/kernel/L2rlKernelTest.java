package l2rl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kernel without Jupyter: what cells render to and what {@code display(...)} publishes. */
class L2rlKernelTest {

    private static final String CHART = """
            var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(150).title("t").build();
            chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
            """;
    private static final String PNG_BASE64_START = "iVBORw0KGgo";

    private static final List<DisplayData> displayed = new ArrayList<>();
    private static L2rlKernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = new L2rlKernelBuilder().displayTo(displayed::add).build();
        kernel.onStartup();
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
    }

    @BeforeEach
    void forgetDisplays() {
        displayed.clear();
    }

    @Test
    void aChartAsTheLastExpressionRendersAsPng() {
        var out = kernel.eval(CHART + "chart");
        assertTrue(String.valueOf(out.getData(MIMEType.IMAGE_PNG)).startsWith(PNG_BASE64_START));
        assertTrue(String.valueOf(out.getData(MIMEType.TEXT_PLAIN)).contains("XYChart"));
    }

    @Test
    void displayOfAChartPublishesPngAndLeavesNoValue() {
        assertNull(kernel.eval(CHART + "display(chart);"));
        assertEquals(1, displayed.size());
        assertTrue(String.valueOf(displayed.get(0).getData(MIMEType.IMAGE_PNG)).startsWith(PNG_BASE64_START));
    }

    @Test
    void aTableRendersAsHtmlWithAPlainTextFallback() {
        var out = kernel.eval("""
                var t = tech.tablesaw.api.Table.create("arms",
                        tech.tablesaw.api.IntColumn.create("arm", 0, 1),
                        tech.tablesaw.api.DoubleColumn.create("p", 0.25, 0.75));
                t""");
        String html = String.valueOf(out.getData(MIMEType.TEXT_HTML));
        assertTrue(html.contains("<th>arm</th>") && html.contains("<td>0.75</td>"), html);
        assertTrue(String.valueOf(out.getData(MIMEType.TEXT_PLAIN)).contains("0.75"));
        var slice = kernel.eval("new tech.tablesaw.table.TableSlice(t)");
        assertTrue(String.valueOf(slice.getData(MIMEType.TEXT_HTML)).contains("<td>0.25</td>"));
    }

    @Test
    void aBufferedImageRendersAsPng() {
        var out = kernel.eval("new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(String.valueOf(out.getData(MIMEType.IMAGE_PNG)).startsWith(PNG_BASE64_START));
    }

    @Test
    void classpathMagicAddsADirectoryOfClasses() throws Exception {
        var classes = compile("added", "Added");
        kernel.eval("%classpath " + classes);
        assertEquals("42", String.valueOf(kernel.eval("added.Added.answer()").getData(MIMEType.TEXT_PLAIN)));
    }

    @Test
    void jarsMagicAddsTheJarsInADirectory() throws Exception {
        var classes = compile("jarred", "Jarred");
        var libs = Files.createDirectories(classes.resolve("libs"));
        try (var jar = new JarOutputStream(Files.newOutputStream(libs.resolve("jarred.jar")))) {
            jar.putNextEntry(new JarEntry("jarred/Jarred.class"));
            jar.write(Files.readAllBytes(classes.resolve("jarred/Jarred.class")));
        }
        kernel.eval("%jars " + libs);
        assertEquals("42", String.valueOf(kernel.eval("jarred.Jarred.answer()").getData(MIMEType.TEXT_PLAIN)));
    }

    @Test
    void classesWrittenInCellsLeaveAsAJarThatServiceLoaderReadsElsewhere(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        kernel.eval("""
                public class Greeting implements java.util.function.Supplier<String> {
                    public String get() { return "hello from " + getClass().getSimpleName(); }
                }
                """);
        // Run again, as a re-run cell: the jar must list the class once, from the later cell.
        kernel.eval("""
                public class Greeting implements java.util.function.Supplier<String> {
                    public String get() { return "hello again from " + getClass().getSimpleName(); }
                }
                """);
        var jar = tmp.resolve("cells.jar");
        kernel.eval("exportCellClasses(Path.of(\"" + jar.toString().replace("\\", "\\\\")
                + "\"), java.util.function.Supplier.class);");
        // A loader that sees only the jar (and the JDK): no cell, no JShell.
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            var greetings = new ArrayList<String>();
            for (var supplier : java.util.ServiceLoader.load(java.util.function.Supplier.class, loader)) {
                greetings.add(String.valueOf(supplier.get()));
            }
            assertEquals(List.of("hello again from Greeting"), greetings);
        }
        var refused = tmp.resolve("none.jar");
        var e = org.junit.jupiter.api.Assertions.assertThrows(CellError.class, () -> kernel.eval(
                "exportCellClasses(Path.of(\"" + refused + "\"), java.util.function.IntSupplier.class);"));
        assertTrue(e.getMessage().contains("no class defined in a cell implements java.util.function.IntSupplier"),
                e.getMessage());
        assertTrue(!Files.exists(refused), "a refused export wrote its jar");
    }

    @Test
    void mavenMagicResolvesFromTheLocalRepository() {
        // joda-time 2.1 is in ~/.m2 but not on the kernel's class path, so this needs no network.
        kernel.eval("%maven joda-time:joda-time:2.1");
        var out = kernel.eval("new org.joda.time.LocalDate(2016, 11, 17).getYear()");
        assertEquals("2016", String.valueOf(out.getData(MIMEType.TEXT_PLAIN)));
    }

    @Test
    void inspectingAMethodNameShowsEveryOverloadsSignature() {
        String text = inspect("Math.max");
        assertTrue(text.contains("int Math.max(int a, int b)") && text.contains("double Math.max(double a, double b)"), text);
    }

    @Test
    void inspectingAClassShowsItsQualifiedName() {
        assertTrue(inspect("String").startsWith("java.lang.String"), inspect("String"));
    }

    @Test
    void inspectingAVariableShowsItsTypeAndTheTypesJavadocFromTheLibrarySources() {
        kernel.eval("int inspected = 3;");
        assertEquals("inspected:int", inspect("inspected"));
        kernel.eval("var family = l2rl.env.Tasks.family(l2rl.env.Tasks.INDEPENDENT);");
        String text = inspect("family");
        assertTrue(text.startsWith("family:l2rl.env.TaskFamily") && text.contains("\n"), text);
    }

    @Test
    void inspectingALibraryClassOrMethodShowsItsJavadoc() {
        String type = inspect("l2rl.env.Tasks");
        assertTrue(type.startsWith("l2rl.env.Tasks\nThe registry of task ids"), type);
        String method = inspect("l2rl.env.Tasks.closest");
        assertTrue(method.contains("Tasks.closest(String id, int count)\nThe registered ids nearest to id"), method);
    }

    @Test
    void inspectionFindsTheNameAroundTheCursor() {
        String code = "int n = Math.max(1, 2);";
        var inspection = kernel.inspect(code, code.indexOf("max") + 1, false);
        assertTrue(String.valueOf(inspection.getData(MIMEType.TEXT_PLAIN)).contains("Math.max(int a, int b)"));
        assertNull(kernel.inspect("nothingNamedSo", 5, false));
    }

    @Test
    void cursorPositionsCountCodePointsAsJupyterDoes() {
        kernel.eval("String smile = \"\uD83D\uDE00\";");
        String code = "var face = \"\uD83D\uDE00\"; smile.toUpp"; // a code point of two Java chars before the name
        int end = code.codePointCount(0, code.length());
        var completion = kernel.complete(code, end);
        assertTrue(completion.getReplacements().contains("toUpperCase("), completion.getReplacements().toString());
        assertEquals(end - "toUpp".length(), completion.getSourceStart());
        assertEquals(end, completion.getSourceEnd());
    }

    private static String inspect(String name) {
        var inspection = kernel.inspect(name, name.length(), false);
        return inspection == null ? "(nothing)" : String.valueOf(inspection.getData(MIMEType.TEXT_PLAIN));
    }

    /** Compiles a one-method class into a fresh directory; cells cannot see the unnamed package, so it has one. */
    private static Path compile(String packageName, String className) throws Exception {
        var dir = Files.createTempDirectory("l2rl-magic");
        var source = dir.resolve(className + ".java");
        Files.writeString(source, "package %s; public class %s { public static int answer() { return 42; } }"
                .formatted(packageName, className));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString()));
        return dir;
    }
}
