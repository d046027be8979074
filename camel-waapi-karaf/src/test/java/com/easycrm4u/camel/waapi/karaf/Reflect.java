package com.easycrm4u.camel.waapi.karaf;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls into objects of another class space (Camel inside the OSGi framework), whose types this test cannot name.
 */
final class Reflect {

    private Reflect() {
    }

    /** Calls the public method of that name whose parameters are exactly these types. */
    static Object call(Object target, String name, Class<?>[] types, Object... args) {
        try {
            Method method = publicMethod(target.getClass(), name, types);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls the public method of that name without parameters. */
    static Object call(Object target, String name) {
        return call(target, name, new Class<?>[0]);
    }

    /** The method as declared by a public type (the implementation class may not be public). */
    private static Method publicMethod(Class<?> type, String name, Class<?>[] types) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> candidate : withInterfaces(c)) {
                try {
                    Method method = candidate.getMethod(name, types);
                    if (java.lang.reflect.Modifier.isPublic(candidate.getModifiers())) {
                        return method;
                    }
                } catch (NoSuchMethodException e) {
                    // look further up
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    private static Class<?>[] withInterfaces(Class<?> type) {
        Class<?>[] interfaces = type.getInterfaces();
        Class<?>[] all = new Class<?>[interfaces.length + 1];
        all[0] = type;
        System.arraycopy(interfaces, 0, all, 1, interfaces.length);
        return all;
    }
}
