package l2rl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellEvaluatorTest {

    private static CellEvaluator cells;

    @BeforeAll
    static void startShell() {
        cells = new CellEvaluator(System.getProperty("java.class.path"), L2rlKernelBuilder.STARTUP);
    }

    @AfterAll
    static void closeShell() {
        cells.close();
    }

    @Test
    void aCellOfManySnippetsHasTheValueOfItsLastExpression() {
        assertEquals(6, cells.eval("int a = 2;\nint b = 3;\na * b"));
    }

    @Test
    void aCellEndingInADeclarationHasNoValue() {
        assertNull(cells.eval("int declared = 1;"));
        assertEquals(1, cells.eval("declared"));
    }

    @Test
    void theValueIsTheRealObjectNotItsString() {
        assertEquals(java.util.List.of(1, 2), cells.eval("List.of(1, 2)"));
    }

    @Test
    void theLibraryIsOnTheClasspath() {
        assertEquals("Bandit", cells.eval("l2rl.env.Bandit.class.getSimpleName()"));
    }

    @Test
    void aCompileErrorNamesTheCellLineAndShowsIt() {
        var error = assertThrows(CellError.CompileError.class,
                () -> cells.eval("int ok = 1;\n\nint wrong = \"text\";"));
        assertTrue(error.getMessage().contains("line 3 of the cell"), error.getMessage());
        assertTrue(error.getMessage().contains("incompatible types"), error.getMessage());
        assertTrue(error.getMessage().contains("int wrong = \"text\";"), error.getMessage());
    }

    @Test
    void anExceptionIsReportedByNameMessageAndCellLine() {
        var error = assertThrows(CellError.UncaughtException.class,
                () -> cells.eval("int zero = 0;\nint one = 1;\nint boom = one / zero;"));
        String message = error.getMessage();
        assertTrue(message.startsWith("java.lang.ArithmeticException: / by zero"), message);
        assertTrue(message.contains("at line 3 of the cell"), message);
        assertFalse(message.contains("jdk.jshell") || message.contains("l2rl.kernel") || message.contains("REPL"), message);
    }

    @Test
    void anExceptionFromALibraryShowsTheLibraryFramesAboveTheCellLine() {
        var error = assertThrows(CellError.UncaughtException.class,
                () -> cells.eval("\nInteger.parseInt(\"seven\")"));
        String message = error.getMessage();
        assertTrue(message.startsWith("java.lang.NumberFormatException"), message);
        assertTrue(message.contains("java.lang.Integer.parseInt"), message);
        assertTrue(message.contains("at line 2 of the cell"), message);
    }

    @Test
    void incompleteCodeIsReported() {
        var error = assertThrows(CellError.IncompleteCode.class, () -> cells.eval("int x = 1;\nfor (int i = 0;"));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void aBusyLoopIsInterruptedAndEarlierVariablesSurvive() {
        cells.eval("int before = 41;");
        assertInterrupted("while (true) {}");
        assertInterrupted("while (true) { Thread.sleep(50); }");
        assertEquals(42, cells.eval("before + 1"));
    }

    @Test
    void completionSuggestsMembers() {
        cells.eval("String greeting = \"hi\";");
        String code = "int n = 1;\ngreeting.toUpp";
        var completion = cells.complete(code, code.length());
        assertTrue(completion.options().contains("toUpperCase("), completion.options().toString());
        assertEquals(code.length() - "toUpp".length(), completion.start());
    }

    @Test
    void documentationDescribesAMethod() {
        var docs = cells.documentation("Math.abs(", "Math.abs(".length());
        assertFalse(docs.isEmpty());
        assertTrue(docs.get(0).signature().contains("abs"), docs.get(0).signature());
    }

    private static void assertInterrupted(String cell) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            var run = CompletableFuture.supplyAsync(() -> cells.eval(cell));
            Thread.sleep(500);
            assertFalse(run.isDone(), "the cell should still be running");
            cells.stop();
            var error = assertThrows(ExecutionException.class, run::get);
            assertTrue(error.getCause() instanceof CellError.Interrupted, String.valueOf(error.getCause()));
        });
    }
}
