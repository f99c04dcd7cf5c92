package l2rl.kernel;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * l2rl's Java kernel: jjava's Jupyter protocol handling around a {@link CellEvaluator}. Build it with
 * {@link L2rlKernelBuilder}.
 */
public final class L2rlKernel extends BaseKernel {

    private final CellEvaluator evaluator;
    private final Consumer<DisplayData> displays;

    L2rlKernel(String name, String version, LanguageInfo languageInfo, List<HelpLink> helpLinks, JupyterIO io,
               CommManager commManager, Renderer renderer, MagicParser magicParser, MagicsRegistry magicsRegistry,
               StringStyler errorStyler, CellEvaluator evaluator, Consumer<DisplayData> displays) {
        super(name, version, languageInfo, helpLinks, null, io, commManager, renderer, magicParser, magicsRegistry,
                false, errorStyler);
        this.evaluator = evaluator;
        this.displays = displays;
        Renderers.registerAll(renderer);
    }

    public void addToClasspath(String classpath) {
        evaluator.addToClasspath(classpath);
    }

    /** Where {@code display(...)} in a cell sends its output: the notebook, unless the builder said otherwise. */
    @Override
    public void display(DisplayData data) {
        if (displays == null) {
            super.display(data);
        } else {
            displays.accept(data);
        }
    }

    @Override
    public Object evalRaw(String code) {
        return evaluator.eval(magicParser.resolveMagics(code));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        var docs = evaluator.documentation(code, endOfName(code, at));
        if (docs.isEmpty()) {
            return null;
        }
        return new DisplayData(docs.stream()
                .map(doc -> doc.javadoc() == null ? doc.signature() : doc.signature() + "\n" + doc.javadoc())
                .collect(Collectors.joining("\n\n")));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        var completion = evaluator.complete(code, at);
        return new ReplacementOptions(completion.options(), completion.start(), completion.end());
    }

    @Override
    public String isComplete(String code) {
        return switch (evaluator.completeness(code)) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    /** Jupyter's interrupt arrives as a message (see the kernelspec's interrupt_mode) on the control channel. */
    @Override
    public void interrupt() {
        evaluator.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        evaluator.close();
    }

    /** Our errors already read well; anything else is shown by its message, never by the kernel's stack. */
    @Override
    public List<String> formatError(Throwable e) {
        String text = e instanceof CellError ? e.getMessage() : e.toString();
        var lines = text.lines().collect(Collectors.toList());
        if (!lines.isEmpty()) {
            lines.set(0, errorStyler.secondary(lines.get(0)));
        }
        return lines;
    }

    /**
     * JShell documents the name ending at the cursor, and a method only with its opening parenthesis, so the
     * cursor moves past the rest of the name and a following "(".
     */
    private static int endOfName(String code, int at) {
        int end = Math.min(at, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return end < code.length() && code.charAt(end) == '(' ? end + 1 : end;
    }
}
