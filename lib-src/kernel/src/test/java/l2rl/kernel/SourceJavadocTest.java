package l2rl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SourceJavadocTest {

    /** How a session that imported l2rl.env.* names the library's types. */
    private static final UnaryOperator<String> IMPORTED = name -> name.contains(".") ? name : "l2rl.env." + name;

    private final SourceJavadoc javadoc = new SourceJavadoc(System.getProperty("java.class.path"));

    @Test
    void signaturesAreReadAsJShellWritesThem() {
        assertEquals(new SourceJavadoc.Element("l2rl.env.Tasks", null, null),
                SourceJavadoc.Element.parse("l2rl.env.Tasks"));
        assertEquals(new SourceJavadoc.Element("Tasks", "INDEPENDENT", null),
                SourceJavadoc.Element.parse("Tasks.INDEPENDENT:java.lang.String"));
        assertEquals(new SourceJavadoc.Element("Tasks", "closest", List.of("String", "int")),
                SourceJavadoc.Element.parse("List<String> Tasks.closest(String id, int count)"));
        assertEquals(new SourceJavadoc.Element("Map", "of", List.of("K", "V")),
                SourceJavadoc.Element.parse("Map<K, V> Map<K, V>.<K, V>of(K k1, V v1)"));
        assertEquals(new SourceJavadoc.Element("List", "of", List.of("E[]")),
                SourceJavadoc.Element.parse("List<E> List<E>.<E>of(E... elements)"));
        assertEquals(new SourceJavadoc.Element("l2rl.env.P1Prior.Discrete", "<init>", List.of("double[]")),
                SourceJavadoc.Element.parse("l2rl.env.P1Prior.Discrete(double[] values)"));
        assertNull(SourceJavadoc.Element.parse("count:int"), "a session variable has no doc comment of its own");
    }

    @Test
    void mavenBuiltClassesHaveTheirModulesSources() throws Exception {
        var module = Files.createTempDirectory("module");
        Files.createDirectories(module.resolve("src/main/java"));
        assertEquals(module.resolve("src/main/java"),
                SourceJavadoc.sourcesOf(module.resolve("target/classes")).orElseThrow());
        assertEquals(module.resolve("src/main/java"),
                SourceJavadoc.sourcesOf(module.resolve("target/module-1.0.jar")).orElseThrow());
        var repository = Files.createTempDirectory("m2");
        Files.createFile(repository.resolve("lib-1.0-sources.jar"));
        assertEquals(repository.resolve("lib-1.0-sources.jar"),
                SourceJavadoc.sourcesOf(repository.resolve("lib-1.0.jar")).orElseThrow());
        assertTrue(SourceJavadoc.sourcesOf(Path.of("/nowhere/lib.jar")).isEmpty());
    }

    @Test
    void theLibrarysDocCommentsAreFoundForTypesFieldsMethodsAndNestedTypes() {
        assertTrue(doc("l2rl.env.Tasks").startsWith("The registry of task ids"), doc("l2rl.env.Tasks"));
        assertTrue(doc("Tasks.EXPERIMENTS:java.util.List<java.lang.String>").contains("in the paper's order"));
        assertTrue(doc("List<String> Tasks.ids()").startsWith("All registered ids"));
        assertTrue(doc("l2rl.env.P1Prior.Discrete").startsWith("p1 uniform over a finite set of values"));
        assertTrue(javadoc.javadoc("java.lang.String", IMPORTED).isEmpty(), "the JDK's sources are JShell's to find");
    }

    private String doc(String signature) {
        return javadoc.javadoc(signature, IMPORTED).map(String::strip).orElse("(none)");
    }
}
