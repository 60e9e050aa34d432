package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat widget in a real headless Chromium against {@code bin/rapport --demo}: a visitor on
 * the demo page {@code /chat/} asks in Chinese and in English and gets answers with links; verifies with
 * the one-time code read from the demo mail server's mailbox (IMAP) and asks who their account manager is; hostile
 * markup stays inert text in the widget and in the console; the visitor asks for a person, a staff
 * member in a second browser answers from the console inbox, and the visitor sees that a person
 * joined and the answer; after a reload the conversation is still there; with WebSocket blocked, on a
 * phone-sized screen, the widget falls back to long-polling. Screenshot in
 * {@code target/webchat.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserWebChatIT {

    private static final String MARKER = "WCIT" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
    private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\"><script>alert(1)</script> " + MARKER;
    private static final String REPLY = "您好，我是客服，马上为您处理 " + MARKER;

    private DemoBrowser browser;
    private WebDriver visitor;
    private WebDriverWait wait;
    private WebDriver staff;
    private RestSession admin;

    @BeforeAll
    void start() throws Exception {
        browser = DemoBrowser.start("rapport-browser-webchat-", 900, data -> { });
        visitor = browser.driver;
        wait = browser.wait;
        admin = RestSession.signIn(browser.base, "admin", "demo");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (staff != null) {
            staff.quit();
        }
        if (browser != null) {
            browser.close();
        }
    }

    private WebElement visible(WebDriver d, By by) {
        return new WebDriverWait(d, java.time.Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private int bubbles(String cssClass) {
        return visitor.findElements(By.cssSelector(".rc-log li." + cssClass)).size();
    }

    /** Types a message into the widget and waits for the next bot (or staff) bubble; returns it. */
    private WebElement ask(String text) {
        int before = bubbles("rc-bot");
        WebElement input = visible(visitor, By.cssSelector(".rc-compose textarea"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        wait.until(d -> bubbles("rc-bot") > before);
        List<WebElement> bots = visitor.findElements(By.cssSelector(".rc-log li.rc-bot"));
        return bots.get(bots.size() - 1);
    }

    /**
     * The demo library is written and indexed in the background at first start: until then the bot
     * hands a library question to a person (no link, and the conversation stays with staff).
     */
    private void awaitLibraryIndexed() throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            String out = java.nio.file.Files.readString(browser.work.resolve("stdout.txt"), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode status = admin.call("GET", "/api/v1/search/status", null);
            if (out.contains("Demo library loaded") && status.path("state").asText().equals("ready") && status.path("pending").asLong() == 0
                    && status.path("documents").path("article").asLong() > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo library was not indexed within 180 s");
    }

    private boolean noAlert(WebDriver d) {
        try {
            d.switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }

    @Test
    @Order(1)
    void theDemoPageOpensTheWidget_andQuestionsInChineseAndEnglishAreAnsweredWithLinks() throws Exception {
        visitor.get(browser.base + "chat/");
        WebElement panel = visible(visitor, By.cssSelector("section.rc-panel[role='dialog']"));
        assertThat(panel.findElement(By.cssSelector(".rc-log")).getAttribute("aria-live")).isEqualTo("polite");
        wait.until(d -> d.findElement(By.cssSelector(".rc-status")).getText().equals("已连接"));
        awaitLibraryIndexed();

        WebElement zh = ask("开户需要准备哪些材料？");
        WebElement zhLink = zh.findElement(By.cssSelector("a[href^='http']"));
        assertThat(zhLink.getAttribute("rel")).contains("noopener");
        assertThat(zh.getText()).contains("详情请见");

        WebElement en = ask("How do I reset my online banking password?");
        assertThat(en.findElements(By.cssSelector("a[href^='http']"))).isNotEmpty();
        assertThat(en.getText()).contains("Read more");
    }

    @Test
    @Order(2)
    void theEmailedCodeFromTheMailServerVerifiesTheVisitor_whoLearnsTheirAccountManager() throws Exception {
        JsonNode contact = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (contact == null && System.nanoTime() < deadline) { // the demo world may still be loading
            for (JsonNode c : admin.call("GET", "/api/v1/clients?size=50&sort=name", null).path("items")) {
                if (c.path("standing").path("managerId").canConvertToLong()) {
                    for (JsonNode p : admin.call("GET", "/api/v1/clients/" + c.path("id").asLong() + "/contacts", null).path("items")) {
                        if (contact == null && p.path("emails").size() > 0) {
                            contact = p;
                        }
                    }
                }
                if (contact != null) {
                    break;
                }
            }
            if (contact == null) {
                Thread.sleep(1000);
            }
        }
        assertThat(contact).as("a demo client with an account manager and a contact with an email on file").isNotNull();
        String email = contact.path("emails").path(0).asText();

        WebElement verify = visible(visitor, By.cssSelector(".rc-verify summary"));
        verify.click();
        WebElement emailInput = visible(visitor, By.cssSelector(".rc-verify input[type='email']"));
        emailInput.sendKeys(email);
        emailInput.sendKeys(Keys.ENTER);
        WebElement codeInput = visible(visitor, By.cssSelector(".rc-verify input[autocomplete='one-time-code']"));
        String code = DevMailbox.awaitCode(browser.work, email, java.time.Duration.ofSeconds(60));
        codeInput.sendKeys(code);
        codeInput.sendKeys(Keys.ENTER);
        WebElement verified = visible(visitor, By.cssSelector(".rc-verified"));
        assertThat(verified.getText()).contains(contact.path("name").asText());

        WebElement answer = ask("我的客户经理是谁？");
        assertThat(answer.getText()).contains("您的客户经理是");
    }

    @Test
    @Order(3)
    void hostileMarkupStaysInertTextInTheWidget() {
        String title = visitor.getTitle();
        WebElement input = visible(visitor, By.cssSelector(".rc-compose textarea"));
        int mine = bubbles("rc-me");
        input.sendKeys(HOSTILE);
        input.sendKeys(Keys.ENTER);
        wait.until(d -> bubbles("rc-me") > mine);
        wait.until(d -> d.findElements(By.cssSelector(".rc-log li.rc-me.rc-pending")).isEmpty());
        List<WebElement> me = visitor.findElements(By.cssSelector(".rc-log li.rc-me"));
        WebElement last = me.get(me.size() - 1);
        assertThat(last.getText()).contains("<img src=x", "<script>alert(1)</script>", MARKER);
        assertThat(visitor.findElements(By.cssSelector(".rc-log img, .rc-log script"))).as("never parsed as HTML").isEmpty();
        assertThat(visitor.getTitle()).isEqualTo(title);
        assertThat(noAlert(visitor)).isTrue();
    }

    private long conversationWithMarker() throws Exception {
        for (JsonNode c : admin.call("GET", "/api/v1/conversations?channel=webchat&size=100", null).path("items")) {
            for (JsonNode m : admin.call("GET", "/api/v1/conversations/" + c.path("id").asLong() + "/messages", null).path("items")) {
                if (m.path("text").asText().contains(MARKER)) {
                    return c.path("id").asLong();
                }
            }
        }
        throw new AssertionError("no web chat conversation with " + MARKER);
    }

    @Test
    @Order(4)
    void aPersonAnswersFromTheConsoleInbox_andTheVisitorSeesThemJoin() throws Exception {
        WebElement input = visible(visitor, By.cssSelector(".rc-compose textarea"));
        input.sendKeys("转人工");
        input.sendKeys(Keys.ENTER);
        long conversation = conversationWithMarker();
        wait.until(d -> {
            try {
                return "waiting".equals(admin.call("GET", "/api/v1/conversations/" + conversation, null).path("status").asText());
            } catch (Exception e) {
                return false;
            }
        });

        staff = DemoBrowser.chromium(browser.work.resolve("chrome-staff"), 1280, 900);
        staff.get(browser.base);
        visible(staff, By.name("username")).sendKeys("admin");
        staff.findElement(By.name("password")).sendKeys("demo");
        staff.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        visible(staff, By.cssSelector("nav.sidenav"));
        staff.get(browser.base + "#/inbox/" + conversation + "?view=waiting");
        WebElement inbound = new WebDriverWait(staff, java.time.Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("li.bubble.inbound")).stream().filter(e -> e.getText().contains(MARKER)).findFirst().orElse(null));
        assertThat(inbound.getText()).contains("<script>alert(1)</script>");
        assertThat(inbound.findElements(By.cssSelector("img, script"))).as("the console shows client text as text").isEmpty();
        assertThat(staff.getTitle()).doesNotContain("pwned");
        assertThat(noAlert(staff)).isTrue();

        WebElement reply = visible(staff, By.id("inbox-reply"));
        reply.sendKeys(REPLY);
        WebElement send = staff.findElement(By.cssSelector(".composer form button.btn-primary"));
        ((JavascriptExecutor) staff).executeScript("arguments[0].scrollIntoView({block: 'center'})", send);
        send.click();

        WebElement joined = wait.until(d -> d.findElements(By.cssSelector(".rc-log li.rc-joined")).stream().findFirst().orElse(null));
        assertThat(joined.getText()).contains("已加入对话");
        WebElement answer = wait.until(d -> d.findElements(By.cssSelector(".rc-log li.rc-staff")).stream()
                .filter(e -> e.getText().contains(REPLY)).findFirst().orElse(null));
        assertThat(answer).isNotNull();
        browser.screenshot("webchat.png");
        // the visitor's browser acknowledged and read it: staff see the read state
        wait.until(d -> {
            try {
                for (JsonNode m : admin.call("GET", "/api/v1/conversations/" + conversation + "/messages", null).path("items")) {
                    if (m.path("text").asText().equals(REPLY)) {
                        return "read".equals(m.path("status").asText());
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    @Order(6)
    void whereWebSocketIsBlockedTheWidgetFallsBackToLongPolling() throws Exception {
        WebDriver blocked = DemoBrowser.chromium(browser.work.resolve("chrome-nows"), 800, 900);
        try {
            org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) blocked;
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", // a phone
                    java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    java.util.Map.of("source", "window.WebSocket = function () { throw new Error('blocked by a proxy'); };"));
            blocked.get(browser.base + "chat/");
            WebDriverWait w = new WebDriverWait(blocked, java.time.Duration.ofSeconds(30));
            w.until(d -> d.findElement(By.cssSelector(".rc-status")).getText().equals("已连接"));
            WebElement panel = visible(blocked, By.cssSelector("section.rc-panel"));
            long viewport = ((Number) ((JavascriptExecutor) blocked).executeScript("return window.innerWidth")).longValue();
            assertThat(viewport).isEqualTo(390);
            assertThat(panel.getSize().getWidth()).as("the panel fills a phone's screen").isEqualTo(390);
            WebElement input = visible(blocked, By.cssSelector(".rc-compose textarea"));
            input.sendKeys("How do I reset my online banking password?");
            input.sendKeys(Keys.ENTER);
            WebElement answer = w.until(d -> d.findElements(By.cssSelector(".rc-log li.rc-bot")).stream().findFirst().orElse(null));
            assertThat(answer.findElements(By.cssSelector("a[href^='http']"))).isNotEmpty();
        } finally {
            blocked.quit();
        }
    }

    @Test
    @Order(5)
    void afterAReloadTheConversationIsStillThere_once() {
        visitor.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector(".rc-log li.rc-staff")).stream().anyMatch(e -> e.getText().contains(REPLY)));
        long copies = visitor.findElements(By.cssSelector(".rc-log li")).stream().filter(e -> e.getText().contains(REPLY)).count();
        assertThat(copies).isEqualTo(1);
        assertThat(visitor.findElements(By.cssSelector(".rc-log li.rc-me")).stream().filter(e -> e.getText().contains(MARKER)).count())
                .isEqualTo(1);
    }
}
