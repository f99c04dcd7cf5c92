package l2rl.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The bytecode of every class the notebook's cells defined, as JShell handed it to the kernel, so that the classes a
 * researcher wrote in cells (a task family, say) can leave the kernel as a jar: another JVM the notebook starts (a
 * sweep on Spark) then finds them on its class path. Cell classes live in JShell's package {@code REPL}, nested in
 * one wrapper class per snippet ({@code REPL.$JShell$12$MyFamily}); the jar holds every wrapper and nested class,
 * and, for each service interface asked for, a {@code META-INF/services} file naming the cell classes that implement
 * it, so {@link java.util.ServiceLoader} finds them (JShell makes every cell class public; a provider also needs a
 * public no-argument constructor, as ServiceLoader requires of any).
 */
final class CellClasses {
    private final Map<String, byte[]> bytecodes = new LinkedHashMap<>();

    /** Called with every class JShell loads: a class defined again (a cell run again) keeps its latest bytecode. */
    synchronized void loaded(String binaryName, byte[] bytecode) {
        bytecodes.remove(binaryName);
        bytecodes.put(binaryName, bytecode.clone());
    }

    /**
     * Writes the jar (atomically: a reader sees the old file or the whole new one) and returns the provider classes
     * listed for each service. {@code load} turns a binary name into the cell's class. A class name defined by
     * several cells is listed once, from the cell run last. A service no cell class implements is refused before
     * anything is written.
     */
    synchronized Map<Class<?>, List<String>> exportJar(Path jar, List<Class<?>> services, ClassLookup load)
            throws IOException {
        var providers = new LinkedHashMap<Class<?>, List<String>>();
        for (var service : services) {
            var latestBySimpleName = new LinkedHashMap<String, String>();
            for (var name : bytecodes.keySet()) {
                Class<?> type;
                try {
                    type = load.find(name);
                } catch (ClassNotFoundException e) {
                    continue; // JShell replaced it before it was ever loaded
                }
                if (service.isAssignableFrom(type) && !type.isInterface()
                        && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                    latestBySimpleName.remove(type.getSimpleName());
                    latestBySimpleName.put(type.getSimpleName(), name);
                }
            }
            if (latestBySimpleName.isEmpty()) {
                throw new IllegalArgumentException("no class defined in a cell implements " + service.getName()
                        + " (a provider needs a public no-argument constructor)");
            }
            providers.put(service, List.copyOf(latestBySimpleName.values()));
        }
        var parent = jar.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        var tmp = Files.createTempFile(parent, jar.getFileName().toString(), ".tmp");
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "l2rl kernel (classes defined in notebook cells)");
        try (var out = new JarOutputStream(Files.newOutputStream(tmp), manifest)) {
            for (var entry : bytecodes.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey().replace('.', '/') + ".class"));
                out.write(entry.getValue());
                out.closeEntry();
            }
            for (var entry : providers.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + entry.getKey().getName()));
                out.write((String.join("\n", entry.getValue()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return providers;
    }

    /** How a binary name becomes the cell's class (JShell's own loader). */
    interface ClassLookup {
        Class<?> find(String binaryName) throws ClassNotFoundException;
    }
}
