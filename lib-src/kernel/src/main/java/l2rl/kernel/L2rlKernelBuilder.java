package l2rl.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;

/** Assembles an {@link L2rlKernel}; the defaults are what a notebook needs. */
public final class L2rlKernelBuilder extends BaseKernelBuilder<L2rlKernelBuilder, L2rlKernel> {

    /**
     * Run before the first cell: the imports the jshell tool starts with, which IJava notebooks also assume,
     * jjava's notebook helpers ({@code display}, {@code render}, {@code updateDisplay}, ...) as IJava has them,
     * and ours ({@code clearOutput}).
     */
    static final String STARTUP = """
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.nio.file.*;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.function.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import java.util.stream.*;
            import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;
            import static l2rl.kernel.NotebookStatics.*;
            """;

    private String classpath = System.getProperty("java.class.path");
    private String mvn = "mvn";
    private Consumer<DisplayData> displays;
    private FigureExport figureExport = FigureExport.fromEnvironment();

    public L2rlKernelBuilder() {
        name("l2rl");
        version(versionOfThisJar());
    }

    /** What cells can use from the start; defaults to the kernel's own class path (the library and its deps). */
    public L2rlKernelBuilder classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    /** The Maven command {@code %maven} runs. */
    public L2rlKernelBuilder mvn(String mvn) {
        this.mvn = mvn;
        return this;
    }

    /** Sends {@code display(...)} output somewhere other than the notebook, for running cells without Jupyter. */
    public L2rlKernelBuilder displayTo(Consumer<DisplayData> displays) {
        this.displays = displays;
        return this;
    }

    /** Writes every figure and table the cells show into {@code directory} (default: $L2RL_FIGURES, else none). */
    public L2rlKernelBuilder exportFiguresTo(Path directory) {
        this.figureExport = directory == null ? null : new FigureExport(directory);
        return this;
    }

    @Override
    public L2rlKernel build() {
        var evaluator = new CellEvaluator(classpath, STARTUP);
        var sourceJavadoc = new SourceJavadoc(classpath);
        new ClasspathMagics(added -> {
            evaluator.addToClasspath(added);
            sourceJavadoc.addClasspath(added);
        }, new MavenResolver(mvn)).registerIn(magicsRegistry);
        var language = new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                "java", "java", "script");
        // Line magics may follow an assignment ("x = %magic"), as in IJava; cell magics start the cell.
        var magicParser = new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler());
        return new L2rlKernel(buildName(), buildVersion(), language,
                List.of(new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/")),
                new CellIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(), magicParser,
                buildMagicsRegistry(), buildErrorStyler(), evaluator, sourceJavadoc, displays, figureExport);
    }

    private static String versionOfThisJar() {
        String version = L2rlKernelBuilder.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
