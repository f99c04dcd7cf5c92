package l2rl.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Javadoc read from the sources of the classes on the kernel's class path. JShell documents an element with its
 * javadoc only if the element's source is in the JDK's own {@code lib/src.zip}; for the library (and any jar whose
 * sources are at hand) it gives the signature alone, and this class finds the doc comment in the source.
 *
 * <p>Where sources are looked for: a jar {@code x.jar} has them in {@code x-sources.jar} next to it (Maven's
 * layout, in {@code ~/.m2} too), and whatever Maven built into {@code <module>/target/} has them in
 * {@code <module>/src/main/java} (the library in this checkout).
 */
final class SourceJavadoc {

    /** Jars and directories of sources. */
    private final List<Path> roots = new CopyOnWriteArrayList<>();

    SourceJavadoc(String classpath) {
        addClasspath(classpath);
    }

    /** Looks for the sources of more class path entries (separated by the platform separator). */
    void addClasspath(String classpath) {
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                sourcesOf(Path.of(entry).toAbsolutePath()).filter(root -> !roots.contains(root)).ifPresent(roots::add);
            }
        }
    }

    static Optional<Path> sourcesOf(Path classpathEntry) {
        String name = String.valueOf(classpathEntry.getFileName());
        if (name.endsWith(".jar")) {
            var sourcesJar = classpathEntry.resolveSibling(name.substring(0, name.length() - 4) + "-sources.jar");
            if (Files.isRegularFile(sourcesJar)) {
                return Optional.of(sourcesJar);
            }
        }
        for (Path dir = classpathEntry.getParent(); dir != null; dir = dir.getParent()) {
            if (String.valueOf(dir.getFileName()).equals("target")) {
                var sources = dir.resolveSibling(Path.of("src", "main", "java"));
                return Files.isDirectory(sources) ? Optional.of(sources) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The doc comment, as written, of the element a JShell documentation signature names, if its source is found.
     *
     * @param signature     as JShell writes them: {@code l2rl.env.Tasks} (a type), {@code Tasks.INDEPENDENT:String}
     *                      (a field), {@code List<String> Tasks.ids()} (a method), {@code l2rl.env.Bandit(int arms)}
     *                      (a constructor); a session variable ({@code name:type}) has no doc comment
     * @param qualifiedName turns a type name as JShell writes it in the session ({@code Tasks}) into its qualified
     *                      name ({@code l2rl.env.Tasks})
     */
    Optional<String> javadoc(String signature, UnaryOperator<String> qualifiedName) {
        var element = Element.parse(signature);
        if (element == null || roots.isEmpty()) {
            return Optional.empty();
        }
        try {
            return find(withoutTypeArguments(qualifiedName.apply(element.owner())).strip(), element);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable sources: no javadoc, never a failed inspection
        }
    }

    /**
     * What a signature names. {@code member} is null for a type, {@code "<init>"} for a constructor;
     * {@code parameterTypes} is null for a field.
     */
    record Element(String owner, String member, List<String> parameterTypes) {

        static Element parse(String signature) {
            int paren = signature.indexOf('(');
            int colon = signature.indexOf(':');
            if (paren >= 0) {
                String head = withoutTypeArguments(signature.substring(0, paren)).strip();
                var parameters = new ArrayList<String>();
                for (String parameter : withoutTypeArguments(signature.substring(paren + 1, signature.lastIndexOf(')'))).split(",")) {
                    if (!parameter.isBlank()) {
                        // "double[] means" -> "double[]"; varargs are arrays in the source's type tree as well.
                        String type = parameter.strip().replaceAll("\\s+\\S+$", "");
                        parameters.add(simpleName(type.replace("...", "[]")));
                    }
                }
                int space = head.lastIndexOf(' ');
                if (space < 0) {
                    return new Element(head, "<init>", parameters); // constructors have no return type
                }
                String method = head.substring(space + 1);
                int dot = method.lastIndexOf('.');
                return dot < 0 ? null : new Element(method.substring(0, dot), method.substring(dot + 1), parameters);
            }
            if (colon >= 0) {
                String field = signature.substring(0, colon);
                int dot = field.lastIndexOf('.');
                return dot < 0 ? null : new Element(field.substring(0, dot), field.substring(dot + 1), null);
            }
            return new Element(withoutTypeArguments(signature).strip(), null, null);
        }
    }

    private Optional<String> find(String className, Element element) throws IOException {
        var javac = ToolProvider.getSystemJavaCompiler();
        try (var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, roots);
            // "a.b.C.D" is the nested class D of a.b.C unless a.b.C.D has a file of its own.
            var nested = new ArrayList<String>();
            String topLevel = className;
            JavaFileObject source;
            while ((source = files.getJavaFileForInput(StandardLocation.SOURCE_PATH, topLevel, JavaFileObject.Kind.SOURCE)) == null) {
                int dot = topLevel.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                nested.add(0, topLevel.substring(dot + 1));
                topLevel = topLevel.substring(0, dot);
            }
            var task = (JavacTask) javac.getTask(null, files, diagnostic -> { }, List.of("-proc:none"), null, List.of(source));
            var trees = Trees.instance(task);
            nested.add(0, topLevel.substring(topLevel.lastIndexOf('.') + 1));
            for (CompilationUnitTree unit : task.parse()) {
                var path = classPath(new TreePath(unit), unit.getTypeDecls(), nested);
                if (path != null) {
                    var target = element.member() == null ? path : memberPath(path, element);
                    return Optional.ofNullable(target == null ? null : trees.getDocComment(target));
                }
            }
            return Optional.empty();
        }
    }

    /** The path to the class named by {@code names} (outermost first) among {@code members}. */
    private static TreePath classPath(TreePath parent, List<? extends Tree> members, List<String> names) {
        for (Tree member : members) {
            if (member instanceof ClassTree type && type.getSimpleName().contentEquals(names.get(0))) {
                var path = new TreePath(parent, type);
                return names.size() == 1 ? path : classPath(path, type.getMembers(), names.subList(1, names.size()));
            }
        }
        return null;
    }

    /** The field, or the method with these parameter types (else the first of that name), in the class at {@code type}. */
    private static TreePath memberPath(TreePath type, Element element) {
        TreePath sameName = null;
        for (Tree member : ((ClassTree) type.getLeaf()).getMembers()) {
            if (element.parameterTypes() == null && member instanceof VariableTree field
                    && field.getName().contentEquals(element.member())) {
                return new TreePath(type, field);
            }
            if (element.parameterTypes() != null && member instanceof MethodTree method
                    && method.getName().contentEquals(element.member())) {
                var types = method.getParameters().stream()
                        .map(p -> simpleName(withoutTypeArguments(p.getType().toString()))).toList();
                if (types.equals(element.parameterTypes())) {
                    return new TreePath(type, method);
                }
                sameName = sameName == null ? new TreePath(type, method) : sameName;
            }
        }
        return sameName;
    }

    /** {@code Map<K, List<V>>} -> {@code Map}. */
    private static String withoutTypeArguments(String type) {
        var out = new StringBuilder();
        int depth = 0;
        for (char c : type.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code java.util.List} -> {@code List}, {@code double[]} stays. */
    private static String simpleName(String type) {
        return type.strip().substring(type.strip().lastIndexOf('.') + 1);
    }
}
