package l2rl.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * l2rl's Java kernel: jjava's Jupyter protocol handling around a {@link CellEvaluator}. Build it with
 * {@link L2rlKernelBuilder}.
 *
 * <p>Where jjava 1.0-a6's replies fall short of the messaging spec (5.3), the handlers here answer instead:
 * kernel_info, comm_info, shutdown and interrupt replies carry the required "status"; history is answered at all;
 * execute honours silent, store_history and user_expressions and can page documentation; and a request that fails,
 * or whose type jjava does not know, gets an error reply where jjava would leave the client waiting.
 */
public final class L2rlKernel extends BaseKernel {

    /** A cell that is a name followed by "?" (IPython's {@code x?}) pages the name's documentation. */
    private static final Pattern PAGE_REQUEST = Pattern.compile("\\s*([\\p{L}_$][\\p{L}\\p{N}_$.]*)\\s*\\?{1,2}\\s*");

    /** JShell's signature of a session variable: {@code name:type}. */
    private static final Pattern SESSION_VARIABLE = Pattern.compile("[\\p{L}\\p{N}_$]+:(.+)");

    private final CellEvaluator evaluator;
    private final CellIO cellIO;
    private final SourceJavadoc sourceJavadoc;
    private final CellHistory history = new CellHistory();
    private final Consumer<DisplayData> displays;
    private final FigureExport figureExport;
    private final Optional<LibraryBuild> libraryBuild = LibraryBuild.fromSystemProperties();

    L2rlKernel(String name, String version, LanguageInfo languageInfo, List<HelpLink> helpLinks, CellIO io,
               CommManager commManager, Renderer renderer, MagicParser magicParser, MagicsRegistry magicsRegistry,
               StringStyler errorStyler, CellEvaluator evaluator, SourceJavadoc sourceJavadoc,
               Consumer<DisplayData> displays, FigureExport figureExport) {
        super(name, version, languageInfo, helpLinks, null, io, commManager, renderer, magicParser, magicsRegistry,
                false, errorStyler);
        this.evaluator = evaluator;
        this.cellIO = io;
        this.sourceJavadoc = sourceJavadoc;
        this.displays = displays;
        this.figureExport = figureExport;
        Renderers.registerAll(renderer, figureExport == null ? (value, data) -> { } : figureExport::rendered);
    }

    public void addToClasspath(String classpath) {
        evaluator.addToClasspath(classpath);
        sourceJavadoc.addClasspath(classpath);
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

    /** See {@link NotebookStatics#exportCellClasses}. */
    Map<Class<?>, List<String>> exportCellClasses(java.nio.file.Path jar, List<Class<?>> services)
            throws java.io.IOException {
        return evaluator.exportCellClasses(jar, services);
    }

    /** See {@link NotebookStatics#clearOutput(boolean)}. */
    void clearOutput(boolean wait) {
        cellIO.clearOutput(wait);
        if (figureExport != null) {
            figureExport.outputCleared();
        }
    }

    @Override
    public Object evalRaw(String code) {
        return evaluator.eval(magicParser.resolveMagics(code));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return describe(code, charIndex(code, at)).map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        var completion = evaluator.complete(code, charIndex(code, at));
        return new ReplacementOptions(completion.options(), codePoints(code, completion.start()),
                codePoints(code, completion.end()));
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
     * What the code names at the cursor, as text: each signature JShell finds (a method's overloads, a variable's
     * {@code name:type}), each followed by its javadoc where the sources are at hand. Empty if JShell finds nothing.
     */
    Optional<String> describe(String code, int cursor) {
        var docs = evaluator.documentation(code, endOfName(code, cursor));
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        var text = new StringBuilder();
        for (var doc : docs) {
            text.append(doc.signature()).append('\n');
            javadoc(doc).ifPresent(javadoc -> text.append(JavadocText.plain(javadoc)).append("\n\n"));
        }
        return Optional.of(text.toString().strip());
    }

    /**
     * JShell's javadoc, which it has for the JDK when the JDK's {@code lib/src.zip} is installed, else the doc comment
     * in the sources next to the class path; a session variable has its type's.
     */
    private Optional<String> javadoc(Documentation doc) {
        if (doc.javadoc() != null) {
            return Optional.of(doc.javadoc());
        }
        var variable = SESSION_VARIABLE.matcher(doc.signature());
        if (variable.matches()) {
            String type = variable.group(1).replaceAll("<.*>", "");
            var typeDocs = evaluator.documentation(type, type.length());
            return typeDocs.size() == 1 ? javadoc(typeDocs.get(0)) : Optional.empty();
        }
        return sourceJavadoc.javadoc(doc.signature(), evaluator::qualifiedTypeName);
    }

    /*
     * Protocol handlers.
     */

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection); // comm messages, and the channel comms publish on
        answer(connection, MessageType.EXECUTE_REQUEST, MessageType.EXECUTE_REPLY, this::handleExecuteRequest);
        answer(connection, MessageType.INSPECT_REQUEST, MessageType.INSPECT_REPLY, this::handleInspectRequest);
        answer(connection, MessageType.COMPLETE_REQUEST, MessageType.COMPLETE_REPLY, this::handleCompleteRequest);
        answer(connection, MessageType.HISTORY_REQUEST, MessageType.HISTORY_REPLY, this::handleHistoryRequest);
        answer(connection, MessageType.IS_COMPLETE_REQUEST, MessageType.IS_COMPLETE_REPLY,
                this::handleIsCodeCompeteRequest);
        answer(connection, MessageType.KERNEL_INFO_REQUEST, MessageType.KERNEL_INFO_REPLY,
                this::handleKernelInfoRequest);
        answer(connection, MessageType.COMM_INFO_REQUEST, MessageType.COMM_INFO_REPLY, this::handleCommInfoRequest);
        answer(connection, MessageType.SHUTDOWN_REQUEST, MessageType.SHUTDOWN_REPLY, this::handleShutdownRequest);
        answer(connection, MessageType.INTERRUPT_REQUEST, MessageType.INTERRUPT_REPLY, this::handleInterruptRequest);
        answer(connection, MessageType.UNKNOWN, MessageType.UNKNOWN, this::handleUnknownRequest);
    }

    /**
     * Registers a handler whose failure is answered with an error reply: jjava's channel would only log it, and
     * the client would wait for a reply that never comes.
     */
    private static <T> void answer(JupyterConnection connection, MessageType<T> request, MessageType<?> reply,
                                   ShellHandler<T> handler) {
        connection.setHandler(request, (env, message) -> {
            try {
                handler.handle(env, message);
            } catch (RuntimeException | Error e) {
                sendReply(env, reply, error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                        List.of(e.toString())));
            }
        });
    }

    /**
     * Runs a cell. Unlike jjava's handler: a silent request publishes nothing; only requests that store history
     * advance the execution count and enter the history; user_expressions are evaluated; a {@code name?} cell
     * pages the name's documentation; the error reply carries the same traceback the notebook shows.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        var request = message.getContent();
        String code = request.getCode();
        boolean silent = request.isSilent();
        boolean stored = request.shouldStoreHistory() && !silent;
        // A cell that is not stored reports the count of the last stored one, as the spec says.
        int count = stored ? executionCount.getAndIncrement() : executionCount.get() - 1;
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(code, count));
        }
        if (stored) {
            history.add(count, code, asRun(code));
        }
        replaceOutputStreams(env);
        cellIO.attach(env, request.isStdinEnabled());
        env.defer(() -> cellIO.detach(env));
        if (!silent) {
            libraryBuild.flatMap(LibraryBuild::rebuiltNotice).ifPresent(line -> env.writeToStdErr(line + "\n"));
        }

        var reply = new LinkedHashMap<String, Object>();
        try {
            var payload = new ArrayList<Map<String, Object>>();
            var page = PAGE_REQUEST.matcher(code);
            if (page.matches()) {
                String text = describe(page.group(1), page.group(1).length())
                        .orElse("No documentation found for " + page.group(1));
                payload.add(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0));
            } else {
                DisplayData result = eval(code);
                if (result != null && !silent) {
                    env.publish(new PublishExecuteResult(count, result));
                }
                if (result != null && stored) {
                    history.setOutput(count, Objects.toString(result.getData(MIMEType.TEXT_PLAIN), ""));
                }
            }
            cellIO.flush();
            reply.put("status", "ok");
            reply.put("execution_count", count);
            reply.put("payload", payload);
            reply.put("user_expressions", userExpressions(request.getUserExpr()));
        } catch (Exception e) {
            cellIO.flush();
            var error = PublishError.of(e, this::formatError);
            if (!silent) {
                env.publish(error);
            }
            reply.putAll(error(error.getErrorName(), error.getErrorMessage(), error.getStacktrace()));
            reply.put("execution_count", count);
        }
        exportFigures();
        env.defer();
        sendReply(env, MessageType.EXECUTE_REPLY, reply);
    }

    /**
     * Writes the figures and tables the cell showed, when an export was asked for (see {@link FigureExport}). A
     * failure shows on the cell's stderr, so a report's run notices it.
     */
    void exportFigures() {
        if (figureExport != null) {
            try {
                figureExport.cellFinished();
            } catch (RuntimeException e) {
                cellIO.err.println("l2rl kernel: " + e.getMessage());
                cellIO.flush();
            }
        }
    }

    /** The code as the kernel runs it, magics turned into Java; a malformed magic fails later, when it runs. */
    private String asRun(String code) {
        try {
            return magicParser.resolveMagics(code);
        } catch (RuntimeException e) {
            return code;
        }
    }

    /** Each expression's value as a display bundle, or its error, evaluated after the cell (spec: user_expressions). */
    private Map<String, Object> userExpressions(Map<String, String> expressions) {
        var values = new LinkedHashMap<String, Object>();
        if (expressions != null) {
            expressions.forEach((name, expression) -> {
                try {
                    var value = Objects.requireNonNullElseGet(eval(expression), () -> new DisplayData("null"));
                    values.put(name, new ExpressionValue(value));
                } catch (Exception e) {
                    var error = PublishError.of(e, this::formatError);
                    values.put(name, error(error.getErrorName(), error.getErrorMessage(), error.getStacktrace()));
                }
            });
        }
        return values;
    }

    /** A display bundle with the "status" a user_expressions entry needs. */
    private static final class ExpressionValue extends DisplayData {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";

        ExpressionValue(DisplayData data) {
            super(data);
        }
    }

    /** jjava answers nothing here without a HistoryManager, and its reply would lack "status". */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        var request = message.getContent();
        env.setBusyDeferIdle();
        var cells = switch (request.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) request).getMaxReturnLength());
            case RANGE -> {
                var range = (HistoryRequest.Range) request;
                yield history.range(range.getSessionIndex(), range.getStart(), range.getStop());
            }
            case SEARCH -> {
                var search = (HistoryRequest.Search) request;
                yield history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique());
            }
        };
        sendReply(env, MessageType.HISTORY_REPLY, Map.of("status", "ok", "history",
                cells.stream().map(cell -> cell.asTuple(request.useRaw(), request.includeOutput())).toList()));
    }

    /** jjava's reply lacks the required "status"; "debugger": false tells JupyterLab not to offer its debugger. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        var info = new LinkedHashMap<String, Object>();
        info.put("status", "ok");
        info.put("protocol_version", Header.PROTOCOL_VERISON);
        info.put("implementation", name);
        info.put("implementation_version", version);
        info.put("language_info", getLanguageInfo());
        info.put("banner", getBanner());
        info.put("help_links", getHelpLinks());
        info.put("debugger", false);
        sendReply(env, MessageType.KERNEL_INFO_REPLY, info);
    }

    /** jjava's CommManager answers this without "status". */
    private void handleCommInfoRequest(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String target = message.getContent().getTargetName();
        var comms = new LinkedHashMap<String, Object>();
        for (Comm comm : commManager) {
            if (target == null || target.equals(comm.getTargetName())) {
                comms.put(comm.getID(), Map.of("target_name", comm.getTargetName()));
            }
        }
        sendReply(env, MessageType.COMM_INFO_REPLY, Map.of("status", "ok", "comms", comms));
    }

    /** As jjava's, with "status" in the reply. */
    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.defer();
        sendReply(env, MessageType.SHUTDOWN_REPLY, Map.of("status", "ok", "restart", restart));
        onShutdown(restart);
        env.resolveDeferrals(); // the reply must leave before the connection closes
        env.markForShutdown();
    }

    /** As jjava's, with "status" in the reply. */
    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer();
        sendReply(env, MessageType.INTERRUPT_REPLY, Map.of("status", "ok"));
        interrupt();
    }

    /**
     * A request of a type jjava does not know. jjava reads its msg_type as "none", losing the name, so the reply
     * cannot be called {@code <action>_reply}; clients match it to the request by the parent header's msg_id.
     */
    private void handleUnknownRequest(ShellReplyEnvironment env, Message<Object> message) {
        env.setBusyDeferIdle();
        sendReply(env, MessageType.UNKNOWN, error("UnsupportedRequest",
                "The java kernel does not handle this type of request.", List.of()));
    }

    private static Map<String, Object> error(String name, String message, List<String> traceback) {
        return Map.of("status", "error", "ename", name, "evalue", message, "traceback", traceback);
    }

    /** Sends a reply whose content is a JSON-like map: jjava's reply classes cannot carry the fields the spec adds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sendReply(ShellReplyEnvironment env, MessageType<?> type, Map<String, ?> content) {
        env.reply(new Message(env.getContext(), type, content));
    }

    /** Jupyter counts cursor positions in code points (protocol 5.2), Java strings in UTF-16 chars. */
    private static int charIndex(String code, int codePoints) {
        return code.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length()))));
    }

    private static int codePoints(String code, int charIndex) {
        return code.codePointCount(0, charIndex);
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
