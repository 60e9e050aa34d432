package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium against {@code bin/rapport --demo} in its own process:
 * sign-in, a bundle uploaded on the Bundles page whose page then appears in the navigation and
 * disappears when it is stopped, the zh / en switch, bad uploads reported clearly, and the
 * phone layout. Leaves screenshots of the pages in {@code target/console-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BIN = Path.of(System.getProperty("rapport.dist"), "bin", "rapport");

    private Path work;
    private Process server;
    private WebDriver driver;
    private WebDriverWait wait;
    private String base;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium: browser tests skipped");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed at /usr/bin/chromedriver: browser tests skipped");
        work = Files.createTempDirectory("rapport-browser-");
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/org.rapport.console.bundles.cfg.json"), "{\"maxUploadMegabytes\": 1}");
        int port = freePort();
        base = "http://127.0.0.1:" + port + "/";
        ProcessBuilder builder = new ProcessBuilder(BIN.toString(), "--demo", "--port", Integer.toString(port), "--data", data.toString())
                .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
        builder.environment().remove("RAPPORT_HTTP_PORT");
        builder.environment().remove("RAPPORT_DATA");
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!stdout().contains("Rapport is up") && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(stdout()).as("server did not come up; stderr: %s", Files.readString(work.resolve("stderr.txt"))).contains("Rapport is up");

        awaitSignInReady(port);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + work.resolve("chrome-profile"));
        driver = new ChromeDriver(options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (work != null) {
            RapportTestSupport.deleteTree(work);
        }
    }

    /** The security bundle answers 503 while it starts; the tests begin once /auth/me says 401. */
    private static void awaitSignInReady(int port) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest me = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/auth/me")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(me, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 401) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("sign-in not ready after 60 s: /api/v1/auth/me answers " + status);
    }

    private String stdout() throws IOException {
        return Files.readString(work.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String messageText(String kind) {
        return visible(By.cssSelector(".page-messages .msg-" + kind)).getText();
    }

    private List<String> navLabels() {
        return driver.findElements(By.cssSelector("nav.sidenav a")).stream().map(WebElement::getText).toList();
    }

    /** Clicks the upload button, scrolled to the middle of the window (clear of the sticky top bar). */
    private void upload() {
        WebElement button = driver.findElement(By.cssSelector("form.toolbar-card button[type=submit]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private WebElement row(String symbolicName) {
        return visible(By.cssSelector("tr[data-bundle='" + symbolicName + "']"));
    }

    @Test
    @Order(1)
    void wrongPasswordIsRefusedThenAdminSignsIn() {
        driver.get(base);
        visible(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys("not-the-password");
        driver.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        assertThat(visible(By.cssSelector(".login-error .msg-error")).getText()).contains("Wrong username or password");
        assertThat(driver.switchTo().activeElement().getAttribute("name")).as("focus back on the password").isEqualTo("password");

        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        visible(By.cssSelector("nav.sidenav a[data-page='bundles']"));
        assertThat(visible(By.cssSelector(".who-name")).getText()).isEqualTo("Admin (demo)");
        assertThat(navLabels()).contains("Dashboard", "Bundles", "Configuration", "Users & tokens");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".card[data-card='health']"), "Bundles by state"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    }

    @Test
    @Order(2)
    void uploadedBundleAddsItsPageWhichDisappearsWhenStopped() throws IOException {
        driver.get(base + "#/bundles");
        row("org.rapport.console");
        Path jar = ConsoleFixtures.pageBundle(work);
        driver.findElement(By.cssSelector("input[type=file]")).sendKeys(jar.toString());
        upload();
        assertThat(messageText("success")).contains(ConsoleFixtures.PAGE_BUNDLE, "installed and active");
        wait.until(d -> navLabels().contains(ConsoleFixtures.PAGE_LABEL_EN));
        assertThat(row(ConsoleFixtures.PAGE_BUNDLE).getText()).contains("Active");

        driver.findElement(By.cssSelector("nav.sidenav a[data-page='" + ConsoleFixtures.PAGE_ID + "']")).click();
        assertThat(visible(By.cssSelector(".fixture-page")).getText()).isEqualTo("Fixture page for admin (en)");

        driver.get(base + "#/bundles");
        row(ConsoleFixtures.PAGE_BUNDLE).findElement(By.xpath(".//button[text()='Stop']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page-messages .msg-success"), "stopped"));
        wait.until(d -> !navLabels().contains(ConsoleFixtures.PAGE_LABEL_EN));
        assertThat(row(ConsoleFixtures.PAGE_BUNDLE).getText()).contains("Resolved");

        row(ConsoleFixtures.PAGE_BUNDLE).findElement(By.xpath(".//button[text()='Uninstall']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page-messages .msg-success"), "uninstalled"));
        wait.until(d -> d.findElements(By.cssSelector("tr[data-bundle='" + ConsoleFixtures.PAGE_BUNDLE + "']")).isEmpty());
    }

    @Test
    @Order(3)
    void badUploadsShowAClearMessageAndInstallNothing() throws IOException {
        driver.get(base + "#/bundles");
        row("org.rapport.console");
        String summary = visible(By.cssSelector(".summary")).getText();

        driver.findElement(By.cssSelector("input[type=file]")).sendKeys(ConsoleFixtures.notAJar(work).toString());
        upload();
        assertThat(messageText("error")).contains("Upload refused", "not a jar");

        driver.findElement(By.cssSelector("input[type=file]")).sendKeys(ConsoleFixtures.oversized(work, 2).toString());
        upload();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page-messages .msg-error"), "upload limit of 1 MB"));

        driver.navigate().refresh();
        row("org.rapport.console");
        assertThat(visible(By.cssSelector(".summary")).getText()).isEqualTo(summary);
    }

    @Test
    @Order(4)
    void languageSwitchTranslatesAndIsRemembered() throws IOException {
        driver.get(base + "#/bundles");
        row("org.rapport.console");
        new Select(visible(By.cssSelector(".topbar .lang-select"))).selectByValue("zh");
        wait.until(d -> navLabels().contains("模块"));
        assertThat(navLabels()).contains("仪表盘", "配置", "用户与令牌");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(visible(By.cssSelector("h1.page-title")).getText()).isEqualTo("模块");
        assertThat(visible(By.cssSelector(".topbar button.btn-ghost")).getText()).isEqualTo("退出登录");
        screenshot("console-bundles-zh.png");

        driver.navigate().refresh();
        wait.until(d -> navLabels().contains("模块"));
        new Select(visible(By.cssSelector(".topbar .lang-select"))).selectByValue("en");
        wait.until(d -> navLabels().contains("Bundles"));
        assertThat(visible(By.cssSelector("h1.page-title")).getText()).isEqualTo("Bundles");
    }

    @Test
    @Order(5)
    void screenshotsAt1280() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base + "#/bundles");
        row("org.rapport.console");
        screenshot("console-bundles.png");
        driver.get(base + "#/dashboard");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".card[data-card='health']"), "Bundles by state"));
        screenshot("console-dashboard.png");
        driver.get(base + "#/config/org.rapport.security");
        visible(By.cssSelector("form.config-form input[name='sessionTimeoutMinutes']"));
        screenshot("console-config.png");
        driver.get(base + "#/users");
        visible(By.cssSelector("tr[data-user='auditor']"));
        screenshot("console-users.png");
    }

    private void screenshot(String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        assertThat(png.length).isGreaterThan(10_000);
    }

    @Test
    @Order(6)
    void phoneLayoutHasAMenuButton() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base + "#/dashboard");
        WebElement menu = visible(By.cssSelector(".menu-toggle"));
        assertThat(driver.findElement(By.cssSelector("nav.sidenav")).isDisplayed()).isFalse();
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0);
        menu.click();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        screenshot("console-phone-menu.png");
        visible(By.cssSelector("nav.sidenav a[data-page='bundles']")).click();
        row("org.rapport.console");
        assertThat(driver.findElement(By.cssSelector("nav.sidenav")).isDisplayed()).as("menu closes after navigating").isFalse();
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(7)
    void usersAndTokensAreManaged() {
        driver.get(base + "#/users");
        visible(By.cssSelector("tr[data-user='auditor']"));
        driver.findElement(By.xpath("//button[text()='New user']")).click();
        WebElement dialog = visible(By.cssSelector("dialog[open]"));
        dialog.findElement(By.name("username")).sendKeys("li.na");
        dialog.findElement(By.name("displayName")).sendKeys("李娜 <b>not bold</b>");
        dialog.findElement(By.name("password")).sendKeys("a long pass phrase");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement created = visible(By.cssSelector("tr[data-user='li.na']"));
        assertThat(created.getText()).as("server strings shown as text, never as HTML").contains("李娜 <b>not bold</b>", "Service agent");

        driver.findElement(By.xpath("//button[text()='New token']")).click();
        dialog = visible(By.cssSelector("dialog[open]"));
        dialog.findElement(By.name("name")).sendKeys("ci-deploy");
        WebElement scopes = dialog.findElement(By.name("scopes"));
        scopes.clear();
        scopes.sendKeys("system");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        String token = visible(By.cssSelector(".token-box input")).getAttribute("value");
        assertThat(token).hasSizeGreaterThan(20);
        visible(By.cssSelector("tr[data-token='ci-deploy']"));
        visible(By.cssSelector("tr[data-token='ci-deploy'] button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> d.findElements(By.cssSelector("tr[data-token='ci-deploy']")).isEmpty());
    }

    @Test
    @Order(8)
    void configurationErrorsAreShownAtTheField() {
        driver.get(base + "#/config/org.rapport.console.bundles");
        WebElement size = visible(By.cssSelector("form.config-form input[name='maxUploadMegabytes']"));
        assertThat(size.getAttribute("value")).isEqualTo("1");
        size.clear();
        size.sendKeys("5000");
        driver.findElement(By.cssSelector("form.config-form button[type=submit]")).click();
        assertThat(messageText("error")).contains("Some fields are not valid");
        assertThat(size.getAttribute("aria-invalid")).isEqualTo("true");
        size.clear();
        size.sendKeys("1");
        driver.findElement(By.cssSelector("form.config-form button[type=submit]")).click();
        assertThat(messageText("success")).contains("org.rapport.console.bundles.cfg.json");
    }

    @Test
    @Order(9)
    void signOutThenAnAgentSeesOnlyWhatAgentsMay() {
        driver.get(base + "#/dashboard");
        visible(By.cssSelector(".topbar button.btn-ghost")).click();
        visible(By.name("username"));
        driver.navigate().refresh();
        assertThat(visible(By.cssSelector("form.login-card h1")).getText()).isEqualTo("Sign in");

        visible(By.name("username")).sendKeys("agent");
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        visible(By.cssSelector("nav.sidenav a[data-page='dashboard']"));
        assertThat(navLabels()).containsExactly("Dashboard");
        driver.get(base + "#/bundles");
        assertThat(visible(By.cssSelector("main .msg-error")).getText()).contains("There is no page \"bundles\"");
    }
}
