package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One help: {@code ./l2rl --help} lists the library's commands and the launcher's, in one list. */
class HelpTest {

    @Test
    void theHelpListsEveryCommandOnceWithItsLine() {
        String usage = Main.commandLine().getUsageMessage();
        for (String command : List.of("notebook", "test", "report", "tasks", "baselines", "train", "evaluate, test",
                "probe", "bench", "help", "sweep", "sweep-table", "kernelspec", "build", "classpath")) {
            // Each command starts a row of the one list, its line beside it.
            var row = Pattern.compile("(?m)^  " + Pattern.quote(command) + " {2,}\\S");
            assertTrue(row.matcher(usage).find(), command + " is not listed:\n" + usage);
        }
        assertEquals(1, usage.split("Commands:", -1).length - 1, "one list of commands:\n" + usage);
    }

    @Test
    void helpOfACommandIsThatCommandsUsage() {
        var out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("help", "evaluate"));
        assertTrue(out.toString().startsWith("Usage: l2rl evaluate"), out.toString());
    }
}
