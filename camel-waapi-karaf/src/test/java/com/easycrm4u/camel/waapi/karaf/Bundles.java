package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.examples.erp.OrderBook;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;

/** The jars of this build the OSGi tests use, as the reactor hands them to this module. */
final class Bundles {

    private Bundles() {
    }

    static Path component() {
        return jarOf(WaapiComponent.class);
    }

    static Path sandbox() {
        return jarOf(WaapiSandbox.class);
    }

    /** The example's routes, beans and order batch (a plain jar, as a user's own bundle would hold them). */
    static Path exampleRoutes() {
        return jarOf(OrderBook.class);
    }

    static Manifest manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jarOf(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException(
                        type.getSimpleName() + " was loaded from " + location + ", not from its jar: "
                                                + "run this module with `verify` (the OSGi manifest is made at prepare-package)");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
