package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import com.easycrm4u.camel.waapi.karaf.ClassFile.MemberRef;

/**
 * Checks that byte code compiled against one version of a library links against another, the way the JVM resolves it:
 * every class it names exists there, and every field and method it uses is declared by that class or a supertype. Only
 * references into the given packages are checked; the JDK's own classes are looked up in the running JDK.
 */
final class ApiLinkage implements AutoCloseable {

    private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

    private final List<JarFile> library = new ArrayList<>();
    private final Map<String, ClassFile> classes = new HashMap<>();
    private final List<String> checkedPackages;
    private final List<String> skippedPackages;
    private int checkedReferences;

    /**
     * @param libraryJars     the version to link against
     * @param checkedPackages internal-name prefixes to check, e.g. {@code org/apache/camel/}
     * @param skippedPackages prefixes inside those not to check (packages the bundle imports optionally)
     */
    ApiLinkage(List<Path> libraryJars, List<String> checkedPackages, List<String> skippedPackages) throws IOException {
        for (Path jar : libraryJars) {
            library.add(new JarFile(jar.toFile()));
        }
        this.checkedPackages = checkedPackages;
        this.skippedPackages = skippedPackages;
    }

    /** The references of the given class files that do not link, each with the class that makes it. */
    Set<String> unresolved(Map<String, byte[]> subject) throws IOException {
        Set<String> problems = new TreeSet<>();
        for (byte[] bytes : subject.values()) {
            ClassFile type = ClassFile.parse(bytes);
            String where = " (used by " + type.name().replace('/', '.') + ")";
            Set<String> named = new TreeSet<>();
            for (String ref : type.classRefs()) {
                String name = ref.startsWith("[") ? descriptorClass(ref) : ref;
                if (name != null) {
                    named.add(name);
                }
            }
            for (String text : type.utf8()) {
                Matcher m = CLASS_IN_DESCRIPTOR.matcher(text);
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
            for (String name : named) {
                checkedReferences += checked(name) ? 1 : 0;
                if (checked(name) && library(name) == null) {
                    problems.add("missing class " + name.replace('/', '.') + where);
                }
            }
            for (MemberRef ref : type.memberRefs()) {
                boolean check = !ref.owner().startsWith("[") && checked(ref.owner()) && library(ref.owner()) != null;
                checkedReferences += check ? 1 : 0;
                if (check && !declares(ref.owner(), ref)) {
                    problems.add("missing " + (ref.method() ? "method " : "field ") + ref + where);
                }
            }
        }
        return problems;
    }

    /** How many class and member references the calls to {@link #unresolved} checked. */
    int checkedReferences() {
        return checkedReferences;
    }

    private boolean checked(String name) {
        return checkedPackages.stream().anyMatch(name::startsWith) && skippedPackages.stream().noneMatch(name::startsWith);
    }

    /** Whether the class or one of its supertypes declares the member, as JVM field and method resolution look. */
    private boolean declares(String owner, MemberRef ref) throws IOException {
        if (owner == null) {
            return false;
        }
        ClassFile type = library(owner);
        if (type == null) {
            return jdkDeclares(owner, ref);
        }
        String member = ref.name() + ":" + ref.descriptor();
        if ((ref.method() ? type.methods() : type.fields()).contains(member)) {
            return true;
        }
        for (String parent : type.interfaces()) {
            if (declares(parent, ref)) {
                return true;
            }
        }
        // an interface method may also resolve to one of Object's
        return declares(type.superName() != null ? type.superName() : "java/lang/Object", ref);
    }

    private static boolean jdkDeclares(String owner, MemberRef ref) {
        Class<?> type;
        try {
            type = Class.forName(owner.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (ref.method()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.getName().equals(ref.name()) && descriptor(method).equals(ref.descriptor())) {
                        return true;
                    }
                }
            } else {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getName().equals(ref.name()) && descriptor(field.getType()).equals(ref.descriptor())) {
                        return true;
                    }
                }
            }
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (jdkDeclares(parent.getName().replace('.', '/'), ref)) {
                return true;
            }
        }
        return false;
    }

    private ClassFile library(String name) throws IOException {
        if (classes.containsKey(name)) {
            return classes.get(name);
        }
        ClassFile found = null;
        for (JarFile jar : library) {
            ZipEntry entry = jar.getEntry(name + ".class");
            if (entry != null) {
                try (InputStream in = jar.getInputStream(entry)) {
                    found = ClassFile.parse(in.readAllBytes());
                }
                break;
            }
        }
        classes.put(name, found);
        return found;
    }

    /** the element class of an array type such as [Ljava/lang/String; or null for an array of primitives */
    private static String descriptorClass(String arrayDescriptor) {
        Matcher m = CLASS_IN_DESCRIPTOR.matcher(arrayDescriptor);
        return m.find() ? m.group(1) : null;
    }

    private static String descriptor(Method method) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            d.append(descriptor(parameter));
        }
        return d.append(')').append(descriptor(method.getReturnType())).toString();
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        }
        if (!type.isPrimitive()) {
            return "L" + type.getName().replace('.', '/') + ";";
        }
        return switch (type.getName()) {
            case "void" -> "V";
            case "boolean" -> "Z";
            case "byte" -> "B";
            case "char" -> "C";
            case "short" -> "S";
            case "int" -> "I";
            case "long" -> "J";
            case "float" -> "F";
            case "double" -> "D";
            default -> throw new IllegalArgumentException(type.getName());
        };
    }

    @Override
    public void close() {
        for (JarFile jar : library) {
            try {
                jar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
