package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The open registry: one public call, notebook re-registration replaces, any other duplicate is refused. */
class RegistryTest {
    private static final String ID = "RegistryTestReversal-v0";

    @Test
    void aRegisteredFamilyResolvesLikeTheLibrarysOwn() {
        var family = new ReversalBandit(10);
        Tasks.register(ID, family);
        try {
            assertSame(family, Tasks.family(ID));
            assertTrue(Tasks.ids().contains(ID));
            var registration = Tasks.registrations().stream().filter(r -> r.id().equals(ID)).findFirst().orElseThrow();
            assertEquals(Tasks.NOTEBOOK, registration.source());
            assertEquals(java.util.List.of(ID), Tasks.closest("RegistryTestReversal-v1", 1));
        } finally {
            Tasks.remove(ID);
        }
    }

    @Test
    void reRegisteringFromANotebookReplacesWithOneWarningLine() {
        var err = System.err;
        var captured = new ByteArrayOutputStream();
        Tasks.register(ID, new ReversalBandit(10));
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            var again = new ReversalBandit(20);
            Tasks.register(ID, again);
            assertSame(again, Tasks.family(ID));
        } finally {
            System.setErr(err);
            Tasks.remove(ID);
        }
        var lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("'" + ID + "' registered again from a notebook"), lines.get(0));
    }

    @Test
    void aDuplicateFromAJarOrTheLibraryIsRefusedNamingBothSources() {
        var fromJar = assertThrows(IllegalStateException.class,
                () -> Tasks.register(Tasks.INDEPENDENT, new ReversalBandit(10), "jar provider my.Provider"));
        assertEquals("task id '" + Tasks.INDEPENDENT + "' from jar provider my.Provider is already registered by "
                + Tasks.LIBRARY, fromJar.getMessage());
        // a notebook may not replace the library's id either: its experiments would change under every caller
        var fromNotebook = assertThrows(IllegalStateException.class,
                () -> Tasks.register(Tasks.INDEPENDENT, new ReversalBandit(10)));
        assertTrue(fromNotebook.getMessage().contains("already registered by " + Tasks.LIBRARY + "; choose another id"));
        Tasks.register(ID, new ReversalBandit(10), "jar provider a.First");
        try {
            var twoJars = assertThrows(IllegalStateException.class,
                    () -> Tasks.register(ID, new ReversalBandit(10), "jar provider b.Second"));
            assertTrue(twoJars.getMessage().contains("from jar provider b.Second is already registered by jar provider"
                    + " a.First"), twoJars.getMessage());
        } finally {
            Tasks.remove(ID);
        }
        assertEquals(new IndependentArms(2), Tasks.family(Tasks.INDEPENDENT));
    }

    @Test
    void anUnknownIdStillSuggestsTheNearestOnes() {
        var e = assertThrows(UnknownTaskException.class, () -> Tasks.family("BanditTwoArmedIndependentUnifrom-v0"));
        assertEquals(Tasks.INDEPENDENT, e.suggestions().get(0));
    }
}
