package l2rl.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves Maven coordinates to a class path with the local {@code mvn}: it writes a throwaway pom that depends
 * on the artifacts and asks the dependency plugin for the class path. Using the user's own Maven means its
 * settings, mirrors and local repository apply, and artifacts already in {@code ~/.m2} need no network.
 */
final class MavenResolver {

    private static final Pattern COORDINATES = Pattern.compile("([^:\\s]+):([^:\\s]+):([^:\\s]+)");
    private static final long TIMEOUT_MINUTES = 10;

    private final String mvn;

    MavenResolver(String mvn) {
        this.mvn = mvn;
    }

    /**
     * @param coordinates artifacts as {@code group:artifact:version}
     * @return the artifacts and their runtime dependencies, separated by the platform path separator
     */
    String resolve(List<String> coordinates) throws IOException, InterruptedException {
        var dir = Files.createTempDirectory("l2rl-maven-");
        try {
            Files.writeString(dir.resolve("pom.xml"), pom(coordinates));
            var log = dir.resolve("mvn.log");
            var process = new ProcessBuilder(mvn, "-B", "-q", "dependency:build-classpath",
                    "-Dmdep.outputFile=classpath.txt", "-Dmdep.includeScope=runtime")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("mvn did not resolve " + coordinates + " within " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException("mvn could not resolve " + coordinates + ":\n" + Files.readString(log));
            }
            return Files.readString(dir.resolve("classpath.txt")).strip();
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String pom(List<String> coordinates) {
        String dependencies = coordinates.stream().map(MavenResolver::dependency).collect(Collectors.joining());
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>l2rl.kernel</groupId>
                  <artifactId>maven-magic</artifactId>
                  <version>0</version>
                  <dependencies>%s</dependencies>
                  <build><plugins><plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-dependency-plugin</artifactId>
                    <version>3.6.1</version>
                  </plugin></plugins></build>
                </project>
                """.formatted(dependencies);
    }

    private static String dependency(String coordinate) {
        var m = COORDINATES.matcher(coordinate);
        if (!m.matches()) {
            throw new IllegalArgumentException("Expected group:artifact:version, got '" + coordinate + "'");
        }
        return "<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>"
                .formatted(xml(m.group(1)), xml(m.group(2)), xml(m.group(3)));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
