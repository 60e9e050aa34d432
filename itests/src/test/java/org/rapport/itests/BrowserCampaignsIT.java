package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The campaigns console in a real headless Chromium against {@code bin/rapport --demo}: the demo's two
 * campaigns are listed; an admin builds a segment and sees its live count, is shown a template error
 * with its line at preview, previews for a contact, saves, launches and sees the results. Screenshot in
 * {@code target/campaigns.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserCampaignsIT {
    private DemoBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private RestSession admin;

    @BeforeAll
    void start() throws Exception {
        browser = DemoBrowser.start("rapport-browser-campaigns-", 1400, data -> { });
        driver = browser.driver;
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        admin = RestSession.signIn(browser.base, "admin", "demo");
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

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private long coreContact() throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        // tiers settle once the demo world is loaded and scored
        while (!java.nio.file.Files.readString(browser.work.resolve("stdout.txt")).contains("Demo world loaded")) {
            assertThat(System.nanoTime()).as("the demo world loads").isLessThan(deadline);
            Thread.sleep(1000);
        }
        while (true) {
            JsonNode clients = admin.call("GET", "/api/v1/clients?tier=core&size=5", null).path("items");
            for (JsonNode client : clients) {
                JsonNode contacts = admin.call("GET", "/api/v1/clients/" + client.path("id").asLong() + "/contacts", null);
                JsonNode list = contacts.has("items") ? contacts.path("items") : contacts;
                if (list.size() > 0) {
                    return list.get(0).path("id").asLong();
                }
            }
            assertThat(System.nanoTime()).as("the demo world has core clients with contacts").isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    @Test
    void anAdminBuildsPreviewsLaunchesAndReadsTheResults() throws Exception {
        long contact = coreContact();
        String contactName = admin.call("GET", "/api/v1/contacts/" + contact, null).path("name").asText();

        driver.get(browser.base);
        visible(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        visible(By.cssSelector("nav.sidenav a[data-page='campaigns']")).click();
        wait.until(d -> d.findElements(By.cssSelector("tr[data-campaign]")).size() >= 2);
        String list = driver.findElement(By.cssSelector("table.table")).getText();
        assertThat(list).contains("Quarterly care — core clients", "Win-back — clients at risk");

        click(visible(By.cssSelector("a[href='#/campaigns/new']")));
        visible(By.name("name")).sendKeys("Browser care");
        click(driver.findElements(By.cssSelector("fieldset[data-field='segment'] button")).get(0));
        WebElement value = visible(By.cssSelector("[data-rule-value='0']"));
        value.sendKeys("core");
        WebElement count = wait.until(d -> d.findElements(By.cssSelector("[data-count]")).stream()
                .filter(e -> Long.parseLong(e.getAttribute("data-count")) > 0).findFirst().orElse(null));
        assertThat(Long.parseLong(count.getAttribute("data-count"))).isPositive();

        driver.findElement(By.name("templates.zh.subject")).sendKeys("季度问候");
        driver.findElement(By.name("templates.zh.body")).sendKeys("第一行\n{{ contact.nmae }}");
        driver.findElement(By.name("templates.en.subject")).sendKeys("Quarterly greetings");
        driver.findElement(By.name("templates.en.body")).sendKeys("Dear {{ contact.name }}, from {{ client.name }}.");
        driver.findElement(By.name("contactId")).sendKeys(String.valueOf(contact));
        click(driver.findElement(By.cssSelector("button[data-action='preview']")));
        WebElement error = visible(By.cssSelector("[data-field='templates.zh.body'] .field-error"));
        assertThat(error.getText()).startsWith("line 2: unknown variable");

        WebElement zh = driver.findElement(By.name("templates.zh.body"));
        zh.clear();
        zh.sendKeys("尊敬的{{ contact.name }}：感谢{{ client.name }}的信任。");
        click(driver.findElement(By.cssSelector("button[data-action='preview']")));
        visible(By.cssSelector("pre.campaign-preview"));
        wait.until(d -> previewText(d).contains(contactName));

        // a follow-up step (a series): its own delay and templates, previewed on its own; a bad delay is shown at its field
        click(driver.findElement(By.cssSelector("button[data-action='add-step']")));
        WebElement delay = visible(By.name("steps[0].delay"));
        delay.clear();
        delay.sendKeys("soon");
        driver.findElement(By.name("steps[0].templates.zh.subject")).sendKeys("三天后");
        driver.findElement(By.name("steps[0].templates.zh.body")).sendKeys("{{ contact.name }}，一切顺利吗？STEP-ONE");
        driver.findElement(By.name("steps[0].templates.en.subject")).sendKeys("Three days on");
        driver.findElement(By.name("steps[0].templates.en.body")).sendKeys("{{ contact.name }}, is all well? STEP-ONE");
        new Select(driver.findElement(By.name("previewStep"))).selectByValue("1");
        click(driver.findElement(By.cssSelector("button[data-action='preview']")));
        wait.until(d -> {
            String text = previewText(d);
            return text.contains("STEP-ONE") && text.contains(contactName);
        });
        click(driver.findElement(By.cssSelector("form button[type=submit]")));
        WebElement delayError = visible(By.cssSelector("[data-field='steps[0].delay'] .field-error"));
        assertThat(delayError.getText()).startsWith("an ISO-8601 duration");
        WebElement delayAgain = driver.findElement(By.name("steps[0].delay"));
        delayAgain.clear();
        delayAgain.sendKeys("P3D");

        click(driver.findElement(By.cssSelector("form button[type=submit]")));
        WebElement launch = visible(By.cssSelector("button[data-action='launch']"));
        click(launch);
        WebElement targeted = visible(By.cssSelector("dd[data-stat='targeted']"));
        // the demo world keeps changing (scoring, demo conversations), so the run's audience is compared with the server's figure
        assertThat(Long.parseLong(targeted.getText())).isPositive();
        visible(By.cssSelector("figure.chart"));
        // the per-step counts: step 1 waits for its delay
        visible(By.cssSelector("table.campaign-step-stats tr[data-step='1']"));
        browser.screenshot("campaigns.png");

        JsonNode campaigns = admin.call("GET", "/api/v1/campaigns", null).path("items");
        long id = 0;
        for (JsonNode c : campaigns) {
            if (c.path("name").asText().equals("Browser care")) {
                id = c.path("id").asLong();
            }
        }
        assertThat(admin.call("GET", "/api/v1/campaigns/" + id + "/stats", null).path("targeted").asLong())
                .isEqualTo(Long.parseLong(targeted.getText()));

        // a saved segment chosen in the editor: its live count, and the campaign keeps it by id
        click(driver.findElement(By.cssSelector("button[data-action='cancel']")));
        wait.until(d -> d.findElements(By.cssSelector("button[data-action='launch']")).size() == 1);
        long saved = admin.call("POST", "/api/v1/segments", java.util.Map.of("name", "Core (saved)", "rule",
                java.util.Map.of("field", "tier", "op", "eq", "value", "core"))).path("id").asLong();
        driver.get(browser.base + "#/campaigns/" + id + "/edit");
        Select savedSegment = new Select(visible(By.name("segmentId")));

        // "Send to me": without an email address the admin is told to set one; with one, the test is queued for them
        WebElement testContact = visible(By.name("contactId"));
        testContact.clear();
        testContact.sendKeys(String.valueOf(contact));
        click(driver.findElement(By.cssSelector("button[data-action='test-self']")));
        wait.until(d -> messageText(d, ".msg-error").contains("email"));
        long adminId = admin.call("GET", "/api/v1/auth/me", null).path("user").path("id").asLong();
        admin.call("PUT", "/api/v1/users/" + adminId + "/email", java.util.Map.of("email", "admin.browser@staff.example.com"));
        click(driver.findElement(By.cssSelector("button[data-action='test-self']")));
        wait.until(d -> messageText(d, ".msg-success").contains("queued"));

        wait.until(d -> savedSegment.getOptions().size() > 1);
        savedSegment.selectByVisibleText("Core (saved)");
        long savedCount = admin.call("GET", "/api/v1/segments/" + saved + "/preview?sample=1", null).path("count").asLong();
        assertThat(savedCount).isPositive();
        wait.until(d -> d.findElements(By.cssSelector("[data-count]")).stream()
                .anyMatch(e -> Long.parseLong(e.getAttribute("data-count")) > 0));
        click(driver.findElement(By.cssSelector("form button[type=submit]")));
        visible(By.cssSelector("button[data-action='launch']"));
        JsonNode after = admin.call("GET", "/api/v1/campaigns/" + id, null);
        assertThat(after.path("segmentId").asLong()).isEqualTo(saved);
        assertThat(after.path("segment").isNull() || after.path("segment").isMissingNode()).isTrue();
    }

    /** The text of the first message of this kind; empty while there is none or it is being replaced. */
    private static String messageText(WebDriver d, String selector) {
        try {
            return d.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).findFirst().orElse("");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    /** The preview's text; empty while the preview is being replaced (the element went stale). */
    private static String previewText(WebDriver d) {
        try {
            return d.findElements(By.cssSelector("pre.campaign-preview")).stream().map(WebElement::getText).findFirst().orElse("");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }
}
