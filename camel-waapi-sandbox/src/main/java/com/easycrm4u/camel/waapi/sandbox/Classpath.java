package com.easycrm4u.camel.waapi.sandbox;

/**
 * Which optional dependencies are there. The classes that use one (such as {@link CamelTestSupportBinding}) are loaded
 * only after a check here: loading them without the dependency fails.
 */
final class Classpath {

    static final boolean CAMEL_TEST_JUNIT5 = has("org.apache.camel.test.junit5.ConfigurableContext");
    static final boolean PLATFORM_HTTP_VERTX = has("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer");
    static final boolean PLATFORM_HTTP_MAIN = has("org.apache.camel.component.platform.http.main.MainHttpServer");

    private Classpath() {
    }

    private static boolean has(String className) {
        try {
            Class.forName(className, false, Classpath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
