package l2rl.cli;

import java.math.BigDecimal;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import l2rl.env.TaskFamily;
import l2rl.env.Tasks;

/** Checks of command-line values that give one clear line and exit code 2 when they fail. */
public final class UsageErrors {
    /** Exit code for bad input, as picocli and the original CLI use it. */
    public static final int EXIT_CODE = 2;

    private UsageErrors() {
    }

    /** Refuses {@code value} for {@code flag} unless it lies in [min, max]. */
    public static int requireInRange(CommandSpec spec, String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(
                    "%s must be between %,d and %,d, got %,d", flag, min, max, value));
        }
        return value;
    }

    /** Refuses {@code value} for {@code flag} unless it lies strictly between min and max. */
    public static double requireBetween(CommandSpec spec, String flag, double value, double min, double max) {
        if (!(value > min && value < max)) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "%s must be between %s and %s (both excluded), got %s", flag, plain(min), plain(max), plain(value)));
        }
        return value;
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The task family named {@code id}; an unknown id is a usage error that lists the nearest ids. */
    public static TaskFamily taskFamily(CommandSpec spec, String id) {
        try {
            return Tasks.family(id);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
