package com.easycrm4u.camel.waapi.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the Java blocks of the pages against this module's test classpath, which has what the docs tell a user to
 * add. A block is either a complete source file, with its package line and imports as a user pastes it, or a fragment
 * marked {@code fragment routes} (the body of a {@code RouteBuilder}'s {@code configure()}),
 * {@code fragment statements} (the body of a method) or {@code fragment members} (the body of a class). A fragment's
 * leading {@code import} lines are its imports; nothing else is imported for it. {@code given <type> <name>} clauses
 * declare what a fragment uses without showing (fields of the wrapping class).
 */
final class JavaSnippets {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public\\s+)?(?:final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?[\\w.*]+\\s*;\\s*(//.*)?$");

    /** A source to compile, and where its lines come from. */
    record Unit(Snippet snippet, String className, String source, int firstSnippetLine) {

        String fileName() {
            return className.replace('.', '/') + ".java";
        }
    }

    private JavaSnippets() {
    }

    static boolean isCompleteSource(Snippet snippet) {
        return TYPE.matcher(snippet.text()).find() && !snippet.hasClause("fragment");
    }

    /** The source to compile for this block, or an error that says what the block lacks. */
    static Unit unit(Snippet snippet) {
        if (isCompleteSource(snippet)) {
            Matcher pkg = PACKAGE.matcher(snippet.text());
            if (!pkg.find()) {
                throw new AssertionError(
                        snippet.where() + ": a complete class needs its package line, as a user pastes"
                                         + " it into a project; or mark the block <!-- snippet: fragment members -->");
            }
            Matcher type = TYPE.matcher(snippet.text());
            type.find();
            return new Unit(snippet, pkg.group(1) + "." + type.group(1), snippet.text(), 0);
        }
        String kind = snippet.clause("fragment").orElseThrow(() -> new AssertionError(
                snippet.where()
                                                                                      + ": not a complete Java source (no class). Give the whole file with its package and imports, or say"
                                                                                      + " what it is part of: <!-- snippet: fragment routes --> (inside RouteBuilder.configure()),"
                                                                                      + " fragment statements, or fragment members"));
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        boolean leading = true;
        for (String line : snippet.text().split("\n")) {
            if (leading && (IMPORT.matcher(line.trim()).matches() || line.isBlank())) {
                imports.add(line);
            } else {
                leading = false;
                body.add(line);
            }
        }
        String simpleName = "Snippet_" + snippet.page().getFileName().toString().replaceAll("\\W", "_")
                            + "_" + snippet.line();
        StringBuilder source = new StringBuilder("package snippets;\n");
        imports.forEach(i -> source.append(i).append('\n'));
        StringBuilder fields = new StringBuilder();
        snippet.marker().stream().filter(c -> c.startsWith("given ")).map(c -> c.substring(6).trim())
                .flatMap(c -> List.of(c.split(",")).stream()).map(String::trim)
                .forEach(declaration -> fields.append("    ").append(declaration).append(";\n"));
        switch (kind) {
            case "routes" -> source.append("public class ").append(simpleName)
                    .append(" extends org.apache.camel.builder.RouteBuilder {\n").append(fields)
                    .append("    @Override public void configure() throws Exception {\n");
            case "statements" -> source.append("public class ").append(simpleName).append(" {\n").append(fields)
                    .append("    void snippet() throws Exception {\n");
            case "members" -> source.append("public class ").append(simpleName).append(" {\n").append(fields);
            default -> throw new AssertionError(
                    snippet.where() + ": unknown fragment kind '" + kind
                                                + "' (routes, statements or members)");
        }
        int first = (int) source.chars().filter(c -> c == '\n').count() - imports.size();
        body.forEach(l -> source.append(l).append('\n'));
        source.append(kind.equals("members") ? "}\n" : "    }\n}\n");
        return new Unit(snippet, "snippets." + simpleName, source.toString(), first);
    }

    /**
     * Compiles the units, in as few compiler runs as their class names allow, and returns each unit's errors (empty
     * when it compiled).
     */
    static Map<Unit, List<String>> compile(List<Unit> units, Path output) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Map<Unit, List<String>> errors = new LinkedHashMap<>();
        units.forEach(u -> errors.put(u, new ArrayList<>()));
        List<List<Unit>> batches = new ArrayList<>();
        for (Unit unit : units) {
            List<Unit> batch = batches.stream()
                    .filter(b -> b.stream().noneMatch(u -> u.className().equals(unit.className())))
                    .findFirst().orElse(null);
            if (batch == null) {
                batch = new ArrayList<>();
                batches.add(batch);
            }
            batch.add(unit);
        }
        for (int b = 0; b < batches.size(); b++) {
            Path classes = output.resolve("batch-" + b);
            try {
                Files.createDirectories(classes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<JavaFileObject, Unit> sources = new LinkedHashMap<>();
            for (Unit unit : batches.get(b)) {
                sources.put(new SimpleJavaFileObject(URI.create("string:///" + unit.fileName()), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return unit.source();
                    }
                }, unit);
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
                        classes.toString(), "-proc:none", "-Xlint:none", "-implicit:none", "--release", "17");
                compiler.getTask(null, files, diagnostics, options, null, sources.keySet()).call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> seen = new HashSet<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                Unit unit = d.getSource() == null ? null : sources.get(d.getSource());
                String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                if (unit == null) {
                    batches.get(b).forEach(u -> errors.get(u).add(message));
                } else if (seen.add(unit.className() + d.getLineNumber() + message)) {
                    long line = unit.snippet().line() + d.getLineNumber() - unit.firstSnippetLine();
                    errors.get(unit).add(unit.snippet().page() + ":" + line + ": " + message);
                }
            }
        }
        return errors;
    }
}
