package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * For the browser tests (JUnit 5): {@code bin/rapport --demo} in its own process on a free port with
 * a fresh data directory, ready once it printed "Rapport is up" and sign-in answers, and a headless
 * Chromium (Debian's chromium and chromedriver) with its browser log kept. {@link #close()} quits the
 * browser, stops the server and deletes the directory.
 */
final class DemoBrowser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BIN = Path.of(System.getProperty("rapport.dist"), "bin", "rapport");

    final Path work;
    final String base;
    final Process server;
    final WebDriver driver;
    final WebDriverWait wait;

    private DemoBrowser(Path work, String base, Process server, WebDriver driver) {
        this.work = work;
        this.base = base;
        this.server = server;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Skips the test class when Chromium or chromedriver is not installed. */
    static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium: browser tests skipped");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed at /usr/bin/chromedriver: browser tests skipped");
    }

    /**
     * Starts the server (after {@code prepare} wrote into its data directory) and the browser.
     *
     * @param height the window height (the width is 1280)
     */
    static DemoBrowser start(String prefix, int height, RapportTestSupport.DataDirPreparer prepare) throws Exception {
        assumeChromium();
        Path work = Files.createTempDirectory(prefix);
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("config"));
        prepare.prepare(data);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(BIN.toString(), "--demo", "--port", Integer.toString(port), "--data", data.toString())
                .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
        builder.environment().remove("RAPPORT_HTTP_PORT");
        builder.environment().remove("RAPPORT_DATA");
        // the demo's mail server on free ports (it prints them): other servers on this machine may hold 3025 / 3143
        builder.environment().put("RAPPORT_DEVMAIL_SMTP_PORT", "0");
        builder.environment().put("RAPPORT_DEVMAIL_IMAP_PORT", "0");
        Process server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!stdout(work).contains("Rapport is up") && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (!stdout(work).contains("Rapport is up")) {
            server.destroyForcibly(); // never leave a half-started server behind (it would hold its ports for the next test)
            server.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(stdout(work)).as("server did not come up; stderr: %s", Files.readString(work.resolve("stderr.txt"))).contains("Rapport is up");
        String base = "http://127.0.0.1:" + port + "/";
        awaitSignInReady(base);

        return new DemoBrowser(work, base, server, chromium(work.resolve("chrome-profile"), 1280, height));
    }

    /** A headless Chromium with its own profile (a second browser: another person's cookies and storage). */
    static WebDriver chromium(Path profile, int width, int height) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--lang=en-US", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return new ChromeDriver(options);
    }

    /** The security bundle answers 503 while it starts; the tests begin once /auth/me says 401. */
    private static void awaitSignInReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "api/v1/auth/me")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(me, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 401) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("sign-in not ready after 60 s: /api/v1/auth/me answers " + status);
    }

    private static String stdout(Path work) throws IOException {
        return Files.readString(work.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    /** A screenshot of the page as it is (focus ring removed, scrolled to the top) in {@code target/name}; returns its size. */
    int screenshot(String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        return png.length;
    }

    @Override
    public void close() throws InterruptedException {
        driver.quit();
        server.destroy();
        if (!server.waitFor(15, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        RapportTestSupport.deleteTree(work);
    }
}
