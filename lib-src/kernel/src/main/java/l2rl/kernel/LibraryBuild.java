package l2rl.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which build of the library this kernel runs, and whether the checkout has a newer one. The launcher starts every
 * kernel on a snapshot of its own ({@code -Dl2rl.build}), so a rebuild never changes the classes a running kernel
 * loads; {@code -Dl2rl.current} is the symlink to the newest snapshot. After a rebuild the kernel keeps working on
 * its own build, and the first cell run after it says so in one line.
 */
final class LibraryBuild {
    private final Path own;
    private final Path current;
    private Path announced;

    LibraryBuild(Path own, Path current) {
        this.own = own;
        this.current = current;
        this.announced = own;
    }

    /** From the launcher's system properties; none when the kernel was started some other way. */
    static Optional<LibraryBuild> fromSystemProperties() {
        var own = System.getProperty("l2rl.build");
        var current = System.getProperty("l2rl.current");
        return own == null || current == null ? Optional.empty()
                : Optional.of(new LibraryBuild(Path.of(own), Path.of(current)));
    }

    /** The one-line notice when the newest build is not this kernel's and was not announced yet. */
    synchronized Optional<String> rebuiltNotice() {
        Path newest;
        try {
            newest = current.toRealPath();
        } catch (IOException e) {
            return Optional.empty(); // no build to compare with: nothing to say
        }
        if (newest.equals(announced) || newest.equals(ownRealPath())) {
            return Optional.empty();
        }
        announced = newest;
        return Optional.of("l2rl: the library was rebuilt after this kernel started; this kernel keeps running its "
                + "own build (" + own.getFileName() + "). Restart the kernel to use the new one ("
                + newest.getFileName() + ").");
    }

    private Path ownRealPath() {
        try {
            return own.toRealPath();
        } catch (IOException e) {
            return own;
        }
    }
}
