package l2rl.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates notebook cells with JShell, in this JVM. A cell may hold many snippets; its value is the value of
 * its last snippet if that is an expression. Errors come back as {@link CellError}s whose messages point at the
 * cell's own lines.
 */
public final class CellEvaluator implements AutoCloseable {

    /**
     * IJava's {@code display(x)} returns the display id; echoing it under every chart would be noise, so a cell
     * ending in a bare {@code display(...)} call has no value.
     */
    private static final Pattern DISPLAY_CALL = Pattern.compile("display\\s*\\(.*\\)\\s*;?", Pattern.DOTALL);

    /** Library frames shown above the cell's own line in an exception report. */
    private static final int MAX_LIBRARY_FRAMES = 6;

    private final InProcessExecutionControl control = new InProcessExecutionControl();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;

    /** Cell line on which each snippet of the running cell starts, by snippet id, to place stack frames. */
    private final Map<String, Integer> snippetLines = new HashMap<>();

    /**
     * @param classpath   class path (entries separated by the platform separator) visible to cells
     * @param startupCode code run once before the first cell, such as imports
     */
    public CellEvaluator(String classpath, String startupCode) {
        shell = JShell.builder().executionEngine(control.asProvider(), Map.of()).build();
        analysis = shell.sourceCodeAnalysis();
        addToClasspath(classpath);
        eval(startupCode);
    }

    /** Adds class path entries (separated by the platform separator) for the compiler and the cells' loader. */
    public void addToClasspath(String classpath) {
        if (!classpath.isBlank()) {
            shell.addToClasspath(classpath);
        }
    }

    /** Writes the classes the cells defined into {@code jar}, with ServiceLoader files for {@code services}. */
    java.util.Map<Class<?>, java.util.List<String>> exportCellClasses(java.nio.file.Path jar,
            java.util.List<Class<?>> services) throws java.io.IOException {
        return control.exportCellClasses(jar, services);
    }

    /**
     * Runs a cell.
     *
     * @return the value of the cell's last expression, or null if it ends in a statement or declaration
     * @throws CellError if a snippet does not compile, throws or is interrupted; earlier snippets stay in effect
     */
    public Object eval(String cell) {
        snippetLines.clear();
        Object value = null;
        String rest = cell;
        var info = analysis.analyzeCompletion(rest);
        while (info.completeness().isComplete()) {
            int start = cell.length() - rest.length() + leadingWhitespace(rest);
            value = evalSnippet(info.source(), lineAt(cell, start));
            rest = info.remaining();
            info = analysis.analyzeCompletion(rest);
        }
        if (info.completeness() != Completeness.EMPTY) {
            int start = cell.length() - rest.length() + leadingWhitespace(rest);
            throw new CellError.IncompleteCode("Incomplete code at line " + lineAt(cell, start) + " of the cell:\n"
                    + indent(rest.strip()));
        }
        return value;
    }

    /** Stops the running cell, if any; safe to call from another thread. */
    public void stop() {
        shell.stop();
    }

    /** Completion candidates for the code before {@code cursor}; see {@link Completion}. */
    public Completion complete(String code, int cursor) {
        var unit = lastUnit(code.substring(0, cursor));
        int[] anchor = new int[1];
        var options = analysis.completionSuggestions(unit, unit.length(), anchor).stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new Completion(options, cursor - unit.length() + anchor[0], cursor);
    }

    /**
     * Signatures and javadoc of what the code names at {@code cursor}, empty if nothing. JShell documents a method
     * only after its "(", so a bare method name ({@code Math.max}) is documented as if called.
     */
    public List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor) {
        var unit = lastUnit(code.substring(0, cursor));
        var docs = analysis.documentation(unit, unit.length(), true);
        if (docs.isEmpty() && !unit.isEmpty() && Character.isJavaIdentifierPart(unit.charAt(unit.length() - 1))) {
            docs = analysis.documentation(unit + "(", unit.length() + 1, true);
        }
        return docs;
    }

    /** The qualified name of a type as cells name it ({@code Tasks} -> {@code l2rl.env.Tasks}), else the name itself. */
    public String qualifiedTypeName(String name) {
        var docs = analysis.documentation(name, name.length(), false);
        boolean type = docs.size() == 1 && !docs.get(0).signature().matches(".*[(:].*");
        return type ? docs.get(0).signature() : name;
    }

    /** How complete the code is, looking at its last unfinished snippet. */
    public Completeness completeness(String code) {
        var info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return info.completeness();
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Replacement texts for the range {@code [start, end)} of the code. */
    public record Completion(List<String> options, int start, int end) {
    }

    private Object evalSnippet(String source, int firstLine) {
        var events = shell.eval(source);
        Object value = control.takeValue();
        if (control.takeStopped()) {
            throw new CellError.Interrupted("Interrupted at the snippet starting at line " + firstLine
                    + " of the cell. Variables defined before it are kept.");
        }
        Object result = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet updated as a side effect
            }
            Snippet snippet = event.snippet();
            snippetLines.put(snippet.id(), firstLine);
            if (event.exception() != null) {
                throw uncaught(event.exception());
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, firstLine);
            }
            result = hasValue(snippet) ? value : null;
        }
        return result;
    }

    private static boolean hasValue(Snippet snippet) {
        boolean expression = snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        return expression && !DISPLAY_CALL.matcher(snippet.source().strip()).matches();
    }

    private CellError compileError(Snippet snippet, int firstLine) {
        var report = new StringBuilder();
        for (Diag diag : shell.diagnostics(snippet).toList()) {
            if (!diag.isError()) {
                continue;
            }
            String source = snippet.source();
            int pos = (int) Math.max(0, Math.min(diag.getPosition(), source.length()));
            int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
            int lineEnd = source.indexOf('\n', pos);
            String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            // firstLine is where the snippet's code starts; its source may begin with the blank lines before it.
            int codeStart = Math.min(leadingWhitespace(source), pos);
            int cellLine = firstLine + lineAt(source.substring(codeStart), pos - codeStart) - 1;
            report.append("Error at line ").append(cellLine).append(" of the cell: ")
                    .append(messageWithoutLocation(diag)).append('\n')
                    .append(indent(line)).append('\n')
                    .append(" ".repeat(4 + pos - lineStart)).append("^\n");
        }
        if (report.length() == 0) {
            report.append("Error at line ").append(firstLine).append(" of the cell: could not compile\n")
                    .append(indent(snippet.source()));
        }
        return new CellError.CompileError(report.toString().stripTrailing());
    }

    private static String messageWithoutLocation(Diag diag) {
        return diag.getMessage(Locale.ROOT).lines()
                .filter(l -> !l.strip().startsWith("location:"))
                .collect(Collectors.joining("\n    "));
    }

    private CellError uncaught(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            var missing = shell.unresolvedDependencies(unresolved.getSnippet()).toList();
            return new CellError.UncaughtException("'" + unresolved.getSnippet().source().lines().findFirst().orElse("")
                    + "' cannot run until these are defined: " + String.join(", ", missing));
        }
        var report = new StringBuilder();
        Throwable t = exception;
        String prefix = "";
        while (t != null) {
            report.append(prefix).append(describe(t)).append('\n');
            appendFrames(report, t.getStackTrace());
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return new CellError.UncaughtException(report.toString().stripTrailing());
    }

    private static String describe(Throwable t) {
        String name = t instanceof EvalException eval ? eval.getExceptionClassName() : t.getClass().getName();
        return t.getMessage() == null ? name : name + ": " + t.getMessage();
    }

    /** Library frames down to the first frame of cell code, then where that is; JShell's machinery is left out. */
    private void appendFrames(StringBuilder report, StackTraceElement[] frames) {
        var libraryFrames = new ArrayList<String>();
        for (StackTraceElement frame : frames) {
            String file = frame.getFileName();
            if (file != null && file.startsWith("#")) {
                report.append(String.join("", libraryFrames));
                report.append("    at ").append(cellPosition(file.substring(1), frame.getLineNumber())).append('\n');
                return;
            }
            if (libraryFrames.size() < MAX_LIBRARY_FRAMES) {
                libraryFrames.add("    at " + frame + "\n");
            }
        }
        report.append(String.join("", libraryFrames));
    }

    private String cellPosition(String snippetId, int snippetLine) {
        Integer firstLine = snippetLines.get(snippetId);
        return firstLine == null
                ? "line " + snippetLine + " of snippet #" + snippetId + " (an earlier cell)"
                : "line " + (firstLine + snippetLine - 1) + " of the cell";
    }

    /** The last snippet of the code, the one a cursor at its end is in. */
    private String lastUnit(String code) {
        String rest = code;
        var info = analysis.analyzeCompletion(rest);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            rest = info.remaining();
            info = analysis.analyzeCompletion(rest);
        }
        return rest;
    }

    private static int lineAt(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int leadingWhitespace(String text) {
        return text.length() - text.stripLeading().length();
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }
}
