package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff inbox and "try the bot" in a real headless Chromium against {@code bin/rapport --demo}
 * with the loopback channel deployed: a client asks for a person with hostile HTML in the message;
 * staff find the waiting conversation, see the text as text (nothing runs), reply — the reply
 * reaches the channel — add a note, assign and close; an admin tries the bot. Screenshot in
 * {@code target/inbox.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserInboxIT {

    private static final Path LOOPBACK = Path.of(System.getProperty("rapport.fixtures"), "org.rapport.itest.loopback.jar");
    private static final String MARKER = "BIIT" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
    private static final String PHONE = "+8613600" + String.format("%06d", System.nanoTime() % 1_000_000);
    private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\"><script>alert(1)</script> 我要转人工 " + MARKER;
    private static final String REPLY = "您好，我是客户经理，马上为您处理 " + MARKER;

    private DemoBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private RestSession admin;
    private long conversationId;

    @BeforeAll
    void start() throws Exception {
        browser = DemoBrowser.start("rapport-browser-inbox-", 1000, data -> {
            Files.createDirectories(data.resolve("deploy"));
            Files.copy(LOOPBACK, data.resolve("deploy/loopback.jar"));
        });
        driver = browser.driver;
        wait = browser.wait;
        admin = RestSession.signIn(browser.base, "admin", "demo");
        admin.call("POST", "/api/v1/clients", Map.of("name", "Inbox IT " + MARKER + " 有限公司",
                "contacts", List.of(Map.of("name", "赵敏 " + MARKER, "phones", List.of(PHONE), "language", "zh"))));
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode received = null;
        while (received == null) {
            try {
                received = admin.call("POST", "/loopback/inbound", Map.of("from", PHONE, "text", HOSTILE));
            } catch (AssertionError e) {
                assertThat(System.nanoTime()).as("the loopback channel is deployed: " + e.getMessage()).isLessThan(deadline);
                Thread.sleep(500);
            }
        }
        conversationId = received.path("conversationId").asLong();
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

    private void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get(browser.base);
        visible(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        visible(By.cssSelector("nav.sidenav"));
    }

    private boolean sentToClient(String text) throws Exception {
        for (JsonNode m : admin.call("GET", "/loopback/sent", null).path("items")) {
            if (m.path("to").asText().equals(PHONE) && m.path("text").asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(1)
    void staffFindTheWaitingConversation_andHostileHtmlStaysText() throws IOException {
        signIn("admin");
        visible(By.cssSelector("nav.sidenav a[data-page='inbox']")).click();
        new Select(visible(By.id("inbox-view"))).selectByValue("waiting");
        WebElement item = visible(By.cssSelector("a.inbox-item[data-conversation='" + conversationId + "']"));
        assertThat(item.getText()).contains("赵敏 " + MARKER);
        click(item);
        WebElement inbound = visible(By.cssSelector("li.bubble.inbound"));
        assertThat(inbound.getText()).contains("<img src=x", "<script>alert(1)</script>", MARKER);
        assertThat(inbound.findElements(By.cssSelector("img, script"))).as("client text is never parsed as HTML").isEmpty();
        assertThat(driver.getTitle()).doesNotContain("pwned");
        assertThat(noAlert()).isTrue();
        assertThat(visible(By.cssSelector(".handover-note")).getText()).contains("Asked for a person");
        assertThat(visible(By.cssSelector("li.bubble.outbound[data-author='bot']")).getText()).contains("转交");
        browser.screenshot("inbox.png");
    }

    @Test
    @Order(2)
    void aReplyFromTheInboxReachesTheClient_thenANoteAnAssignmentAndClose() throws Exception {
        driver.get(browser.base + "#/inbox/" + conversationId + "?view=open");
        WebElement reply = visible(By.id("inbox-reply"));
        click(driver.findElement(By.cssSelector(".composer form button.btn-primary")));
        assertThat(visible(By.cssSelector(".composer .msg-error")).getText()).isEqualTo("Write something first.");
        reply.sendKeys(REPLY);
        click(driver.findElement(By.cssSelector(".composer form button.btn-primary")));
        wait.until(d -> d.findElements(By.cssSelector("li.bubble.outbound[data-author='staff']")).stream()
                .anyMatch(e -> e.getText().contains(REPLY)));
        wait.until(d -> {
            try {
                return sentToClient(REPLY);
            } catch (Exception e) {
                return false;
            }
        });
        visible(By.id("inbox-note")).sendKeys("Called back at 10:00, no answer");
        click(driver.findElements(By.cssSelector(".composer form button.btn")).get(1));
        wait.until(d -> d.findElements(By.cssSelector("li.bubble.note")).stream().anyMatch(e -> e.getText().contains("no answer")));

        Select staff = new Select(visible(By.id("inbox-assign")));
        wait.until(d -> staff.getOptions().size() > 1);
        staff.selectByVisibleText(staff.getOptions().stream().filter(o -> o.getText().contains("Agent")).findFirst().orElseThrow().getText());
        visible(By.id("inbox-assign-reason")).sendKeys("Manager on leave");
        click(driver.findElement(By.cssSelector(".composer form.filters button[type=submit]")));
        wait.until(d -> d.findElements(By.cssSelector("li.bubble.system")).stream().anyMatch(e -> e.getText().contains("Manager on leave")));

        click(wait.until(d -> d.findElements(By.cssSelector(".composer .buttons button")).stream()
                .filter(b -> b.getText().equals("Close conversation")).findFirst().orElse(null)));
        wait.until(d -> d.findElements(By.cssSelector(".detail-head [data-status='closed']")).size() == 1);
        assertThat(admin.call("GET", "/api/v1/conversations/" + conversationId, null).path("status").asText()).isEqualTo("closed");
    }

    @Test
    @Order(3)
    void anAdminTriesTheBot() {
        driver.get(browser.base + "#/bot");
        WebElement text = visible(By.name("text"));
        text.sendKeys("我的客户经理是谁");
        click(driver.findElement(By.cssSelector("form button[type=submit]")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-intent]"), "account_manager"));
        assertThat(visible(By.cssSelector(".bot-answer")).getText()).contains("验证");
        text.clear();
        text.sendKeys("I want to talk to a human");
        click(driver.findElement(By.cssSelector("form button[type=submit]")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-intent]"), "human"));
        assertThat(visible(By.cssSelector("[data-handover]")).getAttribute("data-handover")).isEqualTo("true");
    }

    @Test
    @Order(4)
    void aComplaintIsWorkedThroughItsWorkflowFromTheComplaintsPage() throws Exception {
        String phone = "+8613500" + String.format("%06d", System.nanoTime() % 1_000_000);
        admin.call("POST", "/api/v1/clients", Map.of("name", "Complaint IT " + MARKER + " 有限公司",
                "contacts", List.of(Map.of("name", "钱伟 " + MARKER, "phones", List.of(phone), "language", "zh"))));
        admin.call("POST", "/loopback/inbound", Map.of("from", phone, "text", "<b>你们</b>又乱扣费，太不像话了，我要投诉 " + MARKER));
        driver.get(browser.base + "#/complaints/received");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("tr[data-complaint]")).stream()
                .filter(r -> r.getText().contains(MARKER)).findFirst().orElse(null));
        String id = row.getAttribute("data-complaint");
        assertThat(row.findElement(By.cssSelector(".complaint-summary")).getText()).contains("<b>你们</b>");
        assertThat(row.findElements(By.cssSelector(".complaint-summary b"))).as("the client's words stay text").isEmpty();
        new Select(row.findElement(By.name("to"))).selectByValue("closed");
        row.findElement(By.name("note")).sendKeys("已退还 " + MARKER);
        click(row.findElement(By.cssSelector("button[type=submit]")));
        visible(By.cssSelector(".msg-ok"));
        wait.until(d -> d.findElements(By.cssSelector("tr[data-complaint='" + id + "']")).isEmpty());
        assertThat(admin.call("GET", "/api/v1/complaints/" + id, null).path("status").asText()).isEqualTo("closed");
        driver.get(browser.base + "#/complaints/closed");
        visible(By.cssSelector("tr[data-complaint='" + id + "'][data-status='closed']"));
        browser.screenshot("complaints.png");
    }

    private boolean noAlert() {
        try {
            driver.switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }
}
