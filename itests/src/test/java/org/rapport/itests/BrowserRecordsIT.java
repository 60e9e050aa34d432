package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The client pages in a real headless Chromium against {@code bin/rapport --demo}: a manager
 * filters the client list, opens a client, reassigns it to another manager with a reason (which
 * is required) and sees the new manager and the history entry; a client whose name is an HTML
 * injection attempt is shown as text on the list and the detail page; the dashboard draws its
 * charts. The records it needs (two clients, a second manager) are made through REST first, so
 * the test does not depend on the demo data. Screenshots in {@code target/records-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserRecordsIT {

    private static final String MARKER = "BRIT" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
    private static final String CLIENT_NAME = "Browser IT Trading " + MARKER + " 有限公司";
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)> " + MARKER;
    private static final String SECOND_MANAGER = "IT Manager Two " + MARKER;
    private static final String REASON = "Needs a Mandarin speaker <b>not bold</b>";

    private DemoBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private String base;
    private long clientId;
    private long hostileId;
    private long secondManagerId;

    @BeforeAll
    void startServerFixturesAndBrowser() throws Exception {
        browser = DemoBrowser.start("rapport-browser-records-", 1000, data -> { });
        driver = browser.driver;
        wait = browser.wait;
        base = browser.base;
        createFixtures();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
    }

    /** Two clients (one named like an HTML injection), a second manager; the client goes to the demo manager first. */
    private void createFixtures() throws Exception {
        RestSession admin = RestSession.signIn(base, "admin", "demo");
        JsonNode manager = admin.call("GET", "/api/v1/users", null).path("items").findParents("username").stream()
                .filter(u -> "manager".equals(u.path("username").asText())).findFirst().orElseThrow();
        long managerId = manager.path("id").asLong();
        secondManagerId = admin.call("POST", "/api/v1/users", Map.of("username", "it.manager." + MARKER.toLowerCase(),
                "displayName", SECOND_MANAGER, "password", "a long pass phrase for the test", "roles", List.of("manager"))).path("id").asLong();
        clientId = admin.call("POST", "/api/v1/clients", Map.of("name", CLIENT_NAME, "industry", "trading", "region", "shanghai",
                "contacts", List.of(Map.of("name", "王芳", "emails", List.of(MARKER.toLowerCase() + "@example.com"))))).path("id").asLong();
        hostileId = admin.call("POST", "/api/v1/clients", Map.of("name", HOSTILE_NAME, "industry", "retail")).path("id").asLong();
        // account management assigns new clients in the background: hand the client to the demo manager until that holds
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int stable = 0;
        while (stable < 3) {
            if (admin.call("GET", "/api/v1/accounts/" + clientId, null).path("managerId").asLong() == managerId) {
                stable++;
            } else {
                stable = 0;
                admin.call("POST", "/api/v1/accounts/" + clientId + "/reassign", Map.of("managerId", managerId, "reason", "test fixture"));
            }
            assertThat(System.nanoTime()).as("the client stays with the demo manager").isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private List<WebElement> clientRows() {
        return driver.findElements(By.cssSelector("table.clients-table tbody tr[data-client]"));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    @Test
    @Order(1)
    void managerFiltersTheClientListAndOpensAClient() throws IOException {
        driver.get(base);
        visible(By.name("username")).sendKeys("manager");
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        visible(By.cssSelector("nav.sidenav a[data-page='clients']")).click();
        visible(By.cssSelector("form.filters input[name='q']"));
        assertThat(driver.findElements(By.cssSelector("nav.sidenav a[data-page='client']"))).as("the detail page is not in the navigation").isEmpty();

        driver.findElement(By.cssSelector("form.filters input[name='q']")).sendKeys(MARKER);
        new Select(driver.findElement(By.cssSelector("form.filters select[name='manager']"))).selectByValue("me");
        wait.until(d -> clientRows().size() == 1 && clientRows().get(0).getText().contains(CLIENT_NAME));
        assertThat(visible(By.cssSelector(".summary")).getText()).startsWith("1 client ·");
        assertThat(driver.getCurrentUrl()).as("filters kept in the address").contains("q%3D" + MARKER).contains("manager%3Dme");
        screenshot("records-clients.png");

        click(clientRows().get(0).findElement(By.cssSelector("a.client-link")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".client-name"), CLIENT_NAME));
        assertThat(driver.getCurrentUrl()).endsWith("#/client/" + clientId);
        assertThat(visible(By.cssSelector("nav.sidenav a[data-page='clients']")).getAttribute("aria-current")).isEqualTo("true");
        assertThat(visible(By.cssSelector("[data-section='contacts']")).getText()).contains("王芳");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".account-manager"), "Manager (demo)"));
    }

    @Test
    @Order(2)
    void reassigningNeedsAReasonAndShowsTheNewManagerAndTheHistoryEntry() throws IOException {
        driver.get(base + "#/client/" + clientId);
        click(visible(By.cssSelector("button.reassign-button")));
        WebElement dialog = visible(By.cssSelector("dialog[open]"));
        new Select(dialog.findElement(By.name("managerId"))).selectByValue(Long.toString(secondManagerId));
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(By.cssSelector("dialog[open] [data-field='reason'] .field-error")).getText()).isEqualTo("Give a reason.");
        assertThat(dialog.findElement(By.name("reason")).getAttribute("aria-invalid")).isEqualTo("true");

        dialog.findElement(By.name("reason")).sendKeys(REASON);
        screenshot("records-reassign.png");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertThat(visible(By.cssSelector(".page-messages .msg-success")).getText())
                .isEqualTo(CLIENT_NAME + " is now managed by " + SECOND_MANAGER + ".");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".account-manager"), SECOND_MANAGER));

        WebElement entry = visible(By.cssSelector("[data-section='history'] li[data-field='managerId']"));
        assertThat(entry.getText()).contains("Manager", "Manager (demo) (you)", SECOND_MANAGER, "Reason: " + REASON);
        assertThat(entry.findElement(By.cssSelector("ins")).getText()).isEqualTo(SECOND_MANAGER);
        assertThat(entry.findElements(By.tagName("b"))).as("the reason is text, not markup").isEmpty();
        screenshot("records-client.png");

        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".account-manager"), SECOND_MANAGER));
        driver.get(base + "#/clients/" + URLEncoder.encode("manager=me&q=" + MARKER, StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".summary"), "No clients match"));
    }

    @Test
    @Order(3)
    void aClientNamedLikeMarkupIsShownAsText() throws IOException {
        driver.get(base + "#/clients/" + URLEncoder.encode("q=" + MARKER, StandardCharsets.UTF_8));
        wait.until(d -> clientRows().size() == 2);
        WebElement link = driver.findElement(By.cssSelector("tr[data-client='" + hostileId + "'] a.client-link"));
        assertThat(link.getText()).isEqualTo(HOSTILE_NAME);
        assertThat(driver.findElements(By.cssSelector("main img"))).as("no element made from the name").isEmpty();

        click(link);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".client-name"), HOSTILE_NAME));
        assertThat(driver.getTitle()).startsWith(HOSTILE_NAME);
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        screenshot("records-hostile.png");
    }

    @Test
    @Order(4)
    void dashboardDrawsTheClientCharts() throws IOException {
        driver.get(base + "#/dashboard");
        for (String card : List.of("clients-by-tier", "clients-by-stage", "churn-risk", "manager-workload")) {
            WebElement chart = visible(By.cssSelector(".card[data-card='" + card + "'] figure.chart"));
            assertThat(chart.findElements(By.cssSelector("svg[role='img']"))).as(card + " draws an SVG chart").hasSize(1);
            assertThat(chart.findElement(By.cssSelector("svg[role='img']")).getAttribute("aria-label")).as(card + " has a text alternative")
                    .isNotBlank();
            assertThat(chart.findElements(By.cssSelector("details.chart-data table"))).as(card + " has its data as a table").hasSize(1);
        }
        screenshot("records-dashboard.png");
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertThat(problems).as("no script errors or CSP violations").isEmpty();
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
