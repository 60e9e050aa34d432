package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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
 * The compliance pages in a real headless Chromium against {@code bin/rapport --demo}: an agent sees
 * a contact's phone masked and unmasks it with a reason, an admin sees it whole; consents changed on
 * the contact's privacy page; the audit log searched and its chain verified; the gate's dry run;
 * alerts acknowledged and resolved; a report made and shown; a policy reminded on the dashboard and
 * acknowledged; a contact erased. Screenshots in {@code target/compliance-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserComplianceIT {

    private static final String MARKER = "BCIT" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();

    private DemoBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private String base;
    private long clientId;
    private long contactId;

    @BeforeAll
    void start() throws Exception {
        browser = DemoBrowser.start("rapport-browser-compliance-", 1000, data -> { });
        driver = browser.driver;
        wait = browser.wait;
        base = browser.base;
        RestSession admin = RestSession.signIn(base, "admin", "demo");
        JsonNode created = admin.call("POST", "/api/v1/clients", Map.of("name", "Browser Compliance " + MARKER + " Ltd",
                "contacts", List.of(Map.of("name", "Zhou " + MARKER, "emails", List.of(MARKER.toLowerCase() + "@example.com"),
                        "phones", List.of("13912345678"), "timeZone", "Europe/London"))));
        clientId = created.path("id").asLong();
        contactId = created.path("contacts").get(0).path("id").asLong();
        admin.call("POST", "/api/v1/compliance/policies", Map.of("code", "data-handling-" + MARKER.toLowerCase(), "title", "Client data handling " + MARKER,
                "body", "Only look at client data you need for your work.\n\nNever send ID or card numbers by SMS."));
        for (int i = 0; i < 3; i++) {
            admin.call("GET", "/api/v1/clients/export?q=" + MARKER, null); // three exports within the hour: a monitoring alert
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
    }

    private void signInAs(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base);
        visible(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        visible(By.cssSelector("nav.sidenav"));
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private WebElement contactItem() {
        return visible(By.cssSelector("[data-section='contacts'] li[data-contact='" + contactId + "']"));
    }

    @Test
    @Order(1)
    void anAgentSeesThePhoneMaskedAndUnmasksItWithAReason() throws IOException {
        signInAs("agent");
        assertThat(driver.findElements(By.cssSelector("nav.sidenav a[data-page='audit']"))).as("no audit page for agents").isEmpty();
        driver.get(base + "#/client/" + clientId);
        WebElement item = contactItem();
        assertThat(item.getText()).contains("139****5678").doesNotContain("13912345678").contains("masked");
        screenshot("compliance-masked.png");
        click(item.findElement(By.cssSelector("button[data-unmask]")));
        WebElement dialog = visible(By.cssSelector("dialog[open]"));
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(dialog.findElement(By.name("reason")).getAttribute("validationMessage")).as("a reason is required").isNotEmpty();
        dialog.findElement(By.name("reason")).sendKeys("Calling back about the renewal");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
        wait.until(d -> contactItem().getText().contains("+8613912345678"));
        assertThat(visible(By.cssSelector("[role=status]")).getText()).contains("reason was recorded");

        signInAs("admin");
        driver.get(base + "#/client/" + clientId);
        wait.until(d -> contactItem().getText().contains("+8613912345678"));
        assertThat(contactItem().findElements(By.cssSelector("button[data-unmask]"))).as("nothing masked for an admin").isEmpty();
    }

    @Test
    @Order(2)
    void consentsAreChangedOnTheContactsPrivacyPage() throws IOException {
        signInAs("manager");
        driver.get(base + "#/client/" + clientId);
        click(contactItem().findElement(By.cssSelector("a[data-contact-page='contact-privacy']")));
        WebElement cell = visible(By.cssSelector("td[data-consent='sms/marketing']"));
        assertThat(cell.getAttribute("data-granted")).isEqualTo("false");
        click(cell.findElement(By.tagName("button")));
        WebElement dialog = visible(By.cssSelector("dialog[open]"));
        dialog.findElement(By.name("evidence")).sendKeys("Signed form 2026-17");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("td[data-consent='sms/marketing']")).getAttribute("data-granted")));
        assertThat(visible(By.cssSelector("section[aria-labelledby='history-title']")).getText()).contains("Signed form 2026-17").contains("console");
        assertThat(driver.findElements(By.cssSelector("[data-section='dsr']"))).as("data-subject requests are for admins").isEmpty();
        screenshot("compliance-consents.png");
    }

    @Test
    @Order(3)
    void anAuditorSearchesTheAuditLogAndVerifiesTheChain() throws IOException {
        signInAs("auditor");
        click(visible(By.cssSelector("nav.sidenav a[data-page='audit']")));
        WebElement form = visible(By.cssSelector("form.filters"));
        form.findElement(By.name("contactId")).sendKeys(Long.toString(contactId));
        new Select(form.findElement(By.name("action"))).selectByValue("unmask");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("table[data-table='audit'] tbody tr")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("table[data-table='audit'] tbody tr")).getText())
                .contains("Calling back about the renewal").contains("Agent");
        assertThat(driver.findElement(By.cssSelector("a[download='audit.csv']")).getAttribute("href")).contains("action=unmask");
        click(driver.findElement(By.xpath("//button[normalize-space()='Verify the chain']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg-success"), "The chain is intact"));
        screenshot("compliance-audit.png");
    }

    @Test
    @Order(4)
    void anAdminTriesTheGateAndWorksTheAlerts() throws IOException {
        signInAs("admin");
        click(visible(By.cssSelector("nav.sidenav a[data-page='gate']")));
        WebElement form = visible(By.name("contactId")).findElement(By.xpath("ancestor::form"));
        form.findElement(By.name("contactId")).sendKeys(Long.toString(contactId));
        new Select(form.findElement(By.name("channel"))).selectByValue("sms");
        new Select(form.findElement(By.name("purpose"))).selectByValue("service");
        form.findElement(By.name("content")).sendKeys("Your card 4111 1111 1111 1111 is ready");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-result='dry-run']"), "bank card"));
        screenshot("compliance-gate.png");

        click(visible(By.cssSelector("nav.sidenav a[data-page='compliance-alerts']")));
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("table[data-table='alerts'] tbody tr")).stream()
                .filter(r -> r.getText().contains("Many exports")).findFirst().orElse(null));
        String id = row.getAttribute("data-alert");
        click(row.findElement(By.xpath(".//button[normalize-space()='Acknowledge']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "acknowledged"));
        new Select(visible(By.name("status"))).selectByValue("");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        WebElement acknowledged = visible(By.cssSelector("tr[data-alert='" + id + "']"));
        click(acknowledged.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Resolve')]")));
        WebElement dialog = visible(By.cssSelector("dialog[open]"));
        dialog.findElement(By.name("note")).sendKeys("Exports were for the quarterly review");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElement(By.cssSelector("tr[data-alert='" + id + "']")).getText().contains("Resolved"));
        screenshot("compliance-alerts.png");
    }

    @Test
    @Order(5)
    void aReportIsMadeAndShown() throws IOException {
        signInAs("auditor");
        click(visible(By.cssSelector("nav.sidenav a[data-page='compliance-reports']")));
        visible(By.cssSelector("form.filters button[type=submit]")).click();
        WebElement report = visible(By.cssSelector("[data-report-view]"));
        assertThat(report.findElement(By.cssSelector("[data-report-section='consents']")).getText()).contains("sms/marketing/opt_in");
        assertThat(report.findElement(By.cssSelector("[data-report-section='audit']")).getText()).contains("intact");
        assertThat(report.findElement(By.cssSelector("[data-report-section='alerts']")).getText()).contains("many_exports");
        assertThat(visible(By.cssSelector("a[href$='/csv']")).getAttribute("download")).startsWith("compliance-report-");
        screenshot("compliance-report.png");
    }

    @Test
    @Order(6)
    void theDashboardRemindsOfAPolicyUntilItIsAcknowledged() throws IOException {
        signInAs("agent");
        driver.get(base + "#/dashboard");
        WebElement reminder = visible(By.cssSelector(".policy-reminder"));
        assertThat(reminder.getText()).contains("policies to read and acknowledge");
        click(visible(By.cssSelector("a[href='#/policies']")));
        WebElement policy = visible(By.cssSelector("[data-policy='data-handling-" + MARKER.toLowerCase() + "']"));
        assertThat(policy.getText()).contains("Never send ID or card numbers by SMS").contains("To acknowledge");
        click(policy.findElement(By.cssSelector("button[data-acknowledge]")));
        wait.until(d -> d.findElement(By.cssSelector("[data-policy='data-handling-" + MARKER.toLowerCase() + "']")).getText().contains("Acknowledged"));
        driver.get(base + "#/dashboard");
        WebElement left = visible(By.cssSelector(".policy-reminder"));
        assertThat(left.getAttribute("data-pending")).as("the demo's own policy is still to acknowledge").isEqualTo("1");
        assertThat(visible(By.cssSelector("[data-card='policies-pending']")).getText()).doesNotContain(MARKER);
        driver.get(base + "#/policies");
        click(visible(By.cssSelector("[data-policy='client-data-handling'] button[data-acknowledge]")));
        wait.until(d -> d.findElements(By.cssSelector("button[data-acknowledge]")).isEmpty());
        driver.get(base + "#/dashboard");
        visible(By.cssSelector("[data-card='policies-pending'] .ok-line"));
        assertThat(driver.findElements(By.cssSelector(".policy-reminder"))).isEmpty();
        new Select(visible(By.cssSelector(".topbar .lang-select"))).selectByValue("zh");
        driver.get(base + "#/policies");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-policy]"), "已于"));
        screenshot("compliance-policies-zh.png");
        new Select(visible(By.cssSelector(".topbar .lang-select"))).selectByValue("en");
    }

    @Test
    @Order(7)
    void anAdminErasesTheContact() throws IOException {
        signInAs("admin");
        driver.get(base + "#/contact-privacy/" + contactId);
        WebElement dsr = visible(By.cssSelector("[data-section='dsr']"));
        assertThat(dsr.findElement(By.cssSelector("a[download]")).getAttribute("href")).endsWith("/api/v1/contacts/" + contactId + "/export");
        click(dsr.findElement(By.cssSelector("button.btn-danger")));
        WebElement dialog = visible(By.cssSelector("dialog[open]"));
        dialog.findElement(By.name("reason")).sendKeys("DSR-BROWSER-1");
        dialog.findElement(By.name("confirm")).sendKeys("erase");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(By.cssSelector("dialog[open] [data-field='confirm'] .field-error")).getText()).contains("ERASE");
        dialog.findElement(By.name("confirm")).clear();
        dialog.findElement(By.name("confirm")).sendKeys("ERASE");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement result = visible(By.cssSelector("table[data-table='erasure']"));
        assertThat(result.getText()).contains("records").contains("compliance").contains("contact");
        assertThat(visible(By.cssSelector("[role=status]")).getText()).contains("erased");
        screenshot("compliance-erased.png");
        driver.get(base + "#/client/" + clientId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-section='contacts']"), "No contacts"));
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertThat(problems).as("no script errors or CSP violations").isEmpty();
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
