package l2rl.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

/**
 * IJava's line magics that add code to a running notebook: {@code %jars} (jar files, globs, or directories of
 * jars), {@code %classpath} (class path entries, globs allowed) and {@code %maven} (group:artifact:version).
 */
final class ClasspathMagics {

    private final Consumer<String> addToClasspath;
    private final MavenResolver maven;

    ClasspathMagics(Consumer<String> addToClasspath, MavenResolver maven) {
        this.addToClasspath = addToClasspath;
        this.maven = maven;
    }

    void registerIn(MagicsRegistry registry) {
        registry.registerLineMagic("jars", (kernel, args) -> {
            for (String arg : args) {
                add(PathsHandler.splitAndResolveGlobs(arg).stream().flatMap(ClasspathMagics::jarsIn).toList());
            }
            return null;
        });
        registry.registerLineMagic("classpath", (kernel, args) -> {
            args.forEach(arg -> add(PathsHandler.splitAndResolveGlobs(arg)));
            return null;
        });
        registry.registerLineMagic("maven", (kernel, args) -> {
            addToClasspath.accept(maven.resolve(args));
            return null;
        });
    }

    /** A jar is itself; a directory stands for the jars directly inside it. */
    private static Stream<Path> jarsIn(Path path) {
        if (!Files.isDirectory(path)) {
            return Stream.of(path);
        }
        try (var files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(List<Path> paths) {
        addToClasspath.accept(paths.stream()
                .map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)));
    }
}
