package l2rl.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

/**
 * IJava's line magics that add code to a running notebook: {@code %jars} (files or globs), {@code %classpath}
 * (path lists) and {@code %maven} (Maven coordinates).
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
            args.forEach(arg -> add(PathsHandler.splitAndResolveGlobs(arg)));
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

    private void add(List<Path> paths) {
        addToClasspath.accept(paths.stream()
                .map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)));
    }
}
