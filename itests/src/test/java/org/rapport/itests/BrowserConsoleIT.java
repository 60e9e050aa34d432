package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

    private DemoBrowser browser;
    private Path work;
    private WebDriver driver;
    private WebDriverWait wait;
    private String base;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        browser = DemoBrowser.start("rapport-browser-", 900,
                data -> Files.writeString(data.resolve("config/org.rapport.console.bundles.cfg.json"), "{\"maxUploadMegabytes\": 1}"));
        work = browser.work;
        driver = browser.driver;
        wait = browser.wait;
        base = browser.base;
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.close();
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
        assertThat(browser.screenshot(name)).isGreaterThan(10_000);
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
        dialog.findElement(By.name("username")).sendKeys("it.lina");
        dialog.findElement(By.name("displayName")).sendKeys("李娜 <b>not bold</b>");
        dialog.findElement(By.name("email")).sendKeys("it.lina@staff.example.com");
        dialog.findElement(By.name("password")).sendKeys("a long pass phrase");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement created = visible(By.cssSelector("tr[data-user='it.lina']"));
        assertThat(created.getText()).as("server strings shown as text, never as HTML").contains("李娜 <b>not bold</b>", "Service agent",
                "it.lina@staff.example.com");

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
        assertThat(navLabels()).contains("Dashboard", "Clients")
                .doesNotContain("Bundles", "Configuration", "Users & tokens", "Account managers", "Import clients");
        driver.get(base + "#/bundles");
        assertThat(visible(By.cssSelector("main .msg-error")).getText()).contains("There is no page \"bundles\"");
    }
}
