package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search and the education library in a real headless Chromium against {@code bin/rapport --demo}:
 * the header search box finds 「退订」 in the demo library with the word marked, facets narrow the
 * hits, an agent sees a contact's phone masked; a manager writes an article (the preview renders
 * Markdown and neutralises a script), saves and publishes it, reads its public page without the
 * console and sees the view counted. Screenshots in {@code target/search-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSearchIT {

    private static final String MARKER = "BSIT" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
    private static final String PHONE = "+86 139 8765 4321";

    private DemoBrowser demo;
    private WebDriver driver;
    private WebDriverWait wait;
    private String base;
    private long articleId;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        demo = DemoBrowser.start("rapport-browser-search-", 1000, data -> { });
        driver = demo.driver;
        wait = demo.wait;
        base = demo.base;
        RestSession admin = RestSession.signIn(base, "admin", "demo");
        admin.call("POST", "/api/v1/clients", Map.of("name", "Search Browser " + MARKER + " Ltd", "industry", "trading",
                "contacts", List.of(Map.of("name", "Chen " + MARKER, "phones", List.of(PHONE)))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (admin.call("GET", "/api/v1/search?q=" + MARKER + "&type=contact", null).path("total").asInt() == 0
                || admin.call("GET", "/api/v1/search?type=article", null).path("facets").path("type").path("article").asInt() < 80) {
            assertThat(System.nanoTime()).as("the demo library and the fixture indexed").isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (demo != null) {
            demo.close();
        }
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base);
        visible(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        visible(By.cssSelector("nav.sidenav"));
    }

    private void headerSearch(String text) {
        WebElement box = visible(By.cssSelector("header .header-search input[name='q']"));
        box.clear();
        box.sendKeys(text, Keys.ENTER);
    }

    private List<WebElement> hits() {
        return driver.findElements(By.cssSelector("ol.search-results > li"));
    }

    @Test
    @Order(1)
    void theHeaderBoxFindsChineseWordsWithMarksAndFacetsNarrowTheHits() throws IOException {
        signIn("manager");
        headerSearch("退订");
        wait.until(d -> d.getCurrentUrl().contains("#/search/") && !hits().isEmpty());
        assertThat(hits()).anySatisfy(li -> assertThat(li.getText()).contains("如何退订营销短信和邮件"));
        assertThat(driver.findElements(By.cssSelector("ol.search-results mark"))).extracting(WebElement::getText).contains("退订");
        screenshot("search-results.png");

        WebElement articleFacet = visible(By.cssSelector("fieldset[data-facet='type'] input[value='article']"));
        articleFacet.click();
        wait.until(d -> d.getCurrentUrl().contains("type%3Darticle"));
        wait.until(d -> !hits().isEmpty() && hits().stream().allMatch(li -> "article".equals(li.getAttribute("data-type"))));
        WebElement first = hits().stream().filter(li -> li.getText().contains("如何退订营销短信和邮件")).findFirst().orElseThrow();
        first.findElement(By.cssSelector("a.hit-title")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*#/article/\\d+$"));
        visible(By.cssSelector("form.article-form textarea[name='body']"));
        wait.until(d -> d.findElement(By.cssSelector(".article-preview")).getText().contains("退订"));
    }

    @Test
    @Order(2)
    void anAgentSeesAContactsPhoneMaskedAndCannotFindItByThePhone() {
        signIn("agent");
        headerSearch(MARKER);
        wait.until(d -> hits().stream().anyMatch(li -> "contact".equals(li.getAttribute("data-type"))));
        WebElement contact = hits().stream().filter(li -> "contact".equals(li.getAttribute("data-type"))).findFirst().orElseThrow();
        assertThat(contact.getText()).contains("Chen " + MARKER).doesNotContain("13987654321").doesNotContain("8765 4321");
        headerSearch("13987654321");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".summary"), "Nothing matches"));
        assertThat(driver.findElements(By.cssSelector("a[href='#/article/new']"))).as("agents do not write articles").isEmpty();
    }

    @Test
    @Order(3)
    void aManagerWritesPreviewsPublishesAndReadsThePublicPage() throws Exception {
        signIn("manager");
        visible(By.cssSelector("nav.sidenav a[data-page='articles']")).click();
        visible(By.cssSelector("a[href='#/article/new']")).click();
        WebElement form = visible(By.cssSelector("form.article-form"));
        form.findElement(By.name("title")).sendKeys("Browser article " + MARKER);
        form.findElement(By.name("category")).sendKeys("Testing");
        new Select(form.findElement(By.name("language"))).selectByValue("en");
        form.findElement(By.name("tags")).sendKeys("browser, test");
        form.findElement(By.name("body")).sendKeys("## Steps\n\nPress **Save** first.\n\n<script>window.pwned = 1</script>\n");
        click(form.findElement(By.name("preview")));
        // the live preview is drawn again as it settles: look its parts up afresh each time
        wait.until(d -> !d.findElements(By.cssSelector(".article-preview .article-body strong")).isEmpty());
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".article-preview .article-body h2"), "Steps"));
        assertThat(driver.findElements(By.cssSelector(".article-preview .article-body script"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.pwned === undefined")).isEqualTo(true);

        click(form.findElement(By.name("save")));
        wait.until(d -> d.getCurrentUrl().matches(".*#/article/\\d+$"));
        articleId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*#/article/", ""));
        WebElement publish = visible(By.cssSelector("form.article-form button[name='publish']"));
        assertThat(visible(By.cssSelector(".article-facts [data-state]")).getAttribute("data-state")).isEqualTo("draft");
        click(publish);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page-messages"), "/kb/articles/" + articleId));
        screenshot("search-editor.png");

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "kb/articles/" + articleId))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the public page needs no sign-in").isEqualTo(200);
        driver.get(base + "kb/articles/" + articleId);
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Browser article " + MARKER);
        assertThat(driver.findElement(By.cssSelector(".kb-body strong")).getText()).isEqualTo("Save");
        screenshot("search-public-page.png");

        driver.get(base + "#/article/" + articleId);
        wait.until(d -> Integer.parseInt(d.findElement(By.cssSelector(".article-facts [data-views]")).getAttribute("data-views")) >= 2);
        driver.get(base + "#/articles");
        wait.until(d -> d.findElements(By.cssSelector("tr[data-id='" + articleId + "']")).size() == 1);

        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertThat(problems).as("no script errors or CSP violations").isEmpty();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void screenshot(String name) throws IOException {
        demo.screenshot(name);
    }
}
