package com.easycrm4u.camel.waapi.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The Chromium and chromedriver installed on the machine (Debian's chromium and chromium-driver), headless, with a
 * fresh profile. Both paths are given to Selenium, so Selenium Manager never looks for (or downloads) a browser or a
 * driver; the paths come from the system properties browser-tests.chromium and browser-tests.chromedriver.
 */
final class InstalledChromium implements AutoCloseable {

    private final Path profile;
    private final ChromeDriver driver;

    private InstalledChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static InstalledChromium start() throws IOException {
        File chromium = installed("browser-tests.chromium", "/usr/bin/chromium", "chromium");
        File chromedriver = installed("browser-tests.chromedriver", "/usr/bin/chromedriver", "chromium-driver");
        // what Selenium reads before it would ask Selenium Manager
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.getPath());
        Path profile = Files.createTempDirectory("waapi-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        try {
            return new InstalledChromium(profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static File installed(String property, String defaultPath, String debianPackage) {
        File file = new File(System.getProperty(property, defaultPath));
        if (!file.canExecute()) {
            throw new IllegalStateException(
                    "The browser tests need " + file + " (Debian package " + debianPackage
                                            + ": apt-get install -y chromium chromium-driver), or -D" + property
                                            + "=<path> pointing at another installed copy");
        }
        return file;
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the browser profile " + directory, e);
        }
    }
}
