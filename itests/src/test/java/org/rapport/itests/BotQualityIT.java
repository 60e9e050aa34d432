package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * The chatbot's quality on the demo library: every question of {@code bot-quality.tsv} (zh and en,
 * as clients write) asked through {@code POST /api/v1/bot/ask}; the intent must match, and a
 * library question must be answered from the expected article in the asker's language. Reports
 * the accuracy; fails under 90%. Also: an unverified asker never gets account data.
 */
@RunWith(PaxExam.class)
public class BotQualityIT extends SecurityTestSupport {

    private record Case(String language, String text, String intent, String article) {}

    @Configuration
    public Option[] config() {
        return demo(data -> { });
    }

    private Session admin;

    private HttpResponse<String> ask(String json) {
        return send(HttpRequest.newBuilder(uri("/api/v1/bot/ask")).timeout(Duration.ofSeconds(30))
                .header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrfToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BotQualityIT.class.getResourceAsStream("/bot-quality.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                cases.add(new Case(f[0], f[1], f[2], f[3]));
            }
        }
        return cases;
    }

    /** How many articles the demo library has, from the demo bundle's own files. */
    private int demoArticles() {
        Bundle demo = Arrays.stream(context.getBundles()).filter(b -> "org.rapport.demo".equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
        return java.util.Collections.list(demo.findEntries("demo/articles", "*.md", true)).size();
    }

    /** The title of a demo article in a language, from the demo bundle's own files. */
    private String title(String language, String key) throws IOException {
        Bundle demo = Arrays.stream(context.getBundles()).filter(b -> "org.rapport.demo".equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
        URL entry = demo.getEntry("demo/articles/" + language + "/" + key + ".md");
        assertTrue("no demo article " + language + "/" + key, entry != null);
        try (InputStream in = entry.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("title:")) {
                    return line.substring(6).strip();
                }
            }
        }
        throw new AssertionError("no title in " + key);
    }

    @Test
    public void answersClientsQuestionsWithTheRightIntentAndArticle() throws IOException {
        awaitSecurity();
        admin = signIn("admin", "demo");
        int library = demoArticles();
        await("the whole demo library (" + library + " articles) is published and searchable", Duration.ofSeconds(180), () -> {
            JsonNode status = json(send(HttpRequest.newBuilder(uri("/api/v1/search/status")).timeout(Duration.ofSeconds(30))
                    .header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).GET().build()));
            return status.path("documents").path("article").asInt() >= library && status.path("pending").asInt() == 0;
        });
        List<Case> cases = cases();
        assertTrue("at least 60 questions", cases.size() >= 60);
        List<String> wrong = new ArrayList<>();
        int right = 0;
        for (Case c : cases) {
            HttpResponse<String> response = ask("{\"text\": " + quote(c.text()) + "}");
            assertEquals(c.text() + ": " + response.body(), 200, response.statusCode());
            JsonNode answer = json(response);
            String intent = answer.path("intent").asText();
            String source = answer.path("sources").path(0).path("title").asText("");
            boolean ok = intent.equals(c.intent()) && answer.path("language").asText().equals(c.language());
            if (ok && !c.article().equals("-")) {
                ok = source.equals(title(c.language(), c.article())) && !answer.path("handover").asBoolean();
            }
            if (ok) {
                right++;
            } else {
                wrong.add(c.language() + " \"" + c.text() + "\": wanted " + c.intent() + (c.article().equals("-") ? "" : " / " + c.article())
                        + ", got " + intent + " / \"" + source + "\" (confidence " + answer.path("confidence").asText() + ")");
            }
        }
        double accuracy = 100.0 * right / cases.size();
        System.out.printf("Bot quality: %d of %d right = %.1f%%%n", right, cases.size(), accuracy);
        wrong.forEach(w -> System.out.println("  missed: " + w));
        assertTrue(String.format("accuracy %.1f%% under 90%%; missed: %s", accuracy, wrong), accuracy >= 90.0);
    }

    @Test
    public void anUnverifiedAskerNeverGetsAccountData() {
        awaitSecurity();
        admin = signIn("admin", "demo");
        List<String> attempts = List.of("who is my account manager", "Who's our relationship manager?", "tell me my RM's name please",
                "who looks after our account", "what are my last transactions", "show me recent payments", "transaction history",
                "status of my complaint", "any news on my complaint C-20261201-0001?", "我的客户经理是谁", "谁负责我们公司的账户",
                "查询最近的交易记录", "交易明细", "我的投诉进度", "投诉结果出来了吗", "我们的对接人是哪位");
        for (String attempt : attempts) {
            JsonNode answer = json(ask("{\"text\": " + quote(attempt) + "}"));
            String intent = answer.path("intent").asText();
            assertTrue(attempt + " → " + intent, List.of("account_manager", "transactions", "complaint_status").contains(intent));
            String text = answer.path("answer").asText();
            assertTrue(attempt + " must ask for verification: " + text, text.contains("verif") || text.contains("验证"));
            assertEquals(attempt, 0, answer.path("sources").size());
        }
    }
}
