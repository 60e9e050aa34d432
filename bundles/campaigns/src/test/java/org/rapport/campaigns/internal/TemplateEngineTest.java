package org.rapport.campaigns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Template;

/** Pebble as set up for admin-written templates: checked at save with line and reason, no method calls. */
class TemplateEngineTest {
    private final TemplateEngine engine = new TemplateEngine();

    @Test
    void rendersVariablesOfContactClientManagerAndArticles() {
        var compiled = engine.validate(Map.of("en", new Template("Hello {{ contact.name }}",
                "Dear {{ contact.name }} of {{ client.name }} ({{ client.tier }}),\n"
                        + "{% for a in articles %}- {{ a.title }}: {{ a.url }}\n{% endfor %}{{ manager.name | upper }}")), "templates", true);
        Map<String, Object> vars = TemplateVariables.of("Care", "John", null, "en", "Acme", "core", "loyal", "sh", "trade", "Wang",
                List.of(new TemplateVariables.ArticleLink("Guide", "https://x/a/1")), null);
        assertEquals("Hello John", engine.render(compiled.get("en").subject(), vars));
        assertEquals("Dear John of Acme (core),\n- Guide: https://x/a/1\nWANG", engine.render(compiled.get("en").body(), vars));
    }

    @Test
    void unknownVariableIsRefusedWithItsLine() {
        Map<String, String> fields = assertThrows(InvalidCampaignException.class, () -> engine.validate(
                Map.of("zh", new Template("您好", "第一行\n第二行 {{ contact.nmae }}")), "templates", true)).fields();
        String error = fields.get("templates.zh.body");
        assertTrue(error.startsWith("line 2: unknown variable"), error);
        assertTrue(error.contains("nmae"), error);

        String root = assertThrows(InvalidCampaignException.class, () -> engine.validate(
                Map.of("en", new Template("Hi {{ customer }}", "body")), "templates", true)).fields().get("templates.en.subject");
        assertTrue(root.startsWith("line 1: unknown variable"), root);
    }

    @Test
    void syntaxErrorIsRefusedWithItsLine() {
        String error = assertThrows(InvalidCampaignException.class, () -> engine.validate(
                Map.of("en", new Template("Hi", "one\ntwo\n{% if contact.name %}never closed")), "templates", true)).fields()
                .get("templates.en.body");
        assertTrue(error.startsWith("line "), error);
        String unclosed = assertThrows(InvalidCampaignException.class, () -> engine.validate(
                Map.of("en", new Template("Hi", "one\n{{ contact.name ")), "templates", true)).fields().get("templates.en.body");
        assertTrue(unclosed.startsWith("line 2") || unclosed.startsWith("line 1"), unclosed);
    }

    @Test
    void noMethodCallsOnObjects() {
        String error = assertThrows(InvalidCampaignException.class, () -> engine.validate(
                Map.of("en", new Template("Hi", "{{ contact.name.getClass().getClassLoader() }}")), "templates", true)).fields()
                .get("templates.en.body");
        assertTrue(error.startsWith("line 1"), error);
        assertThrows(InvalidCampaignException.class, () -> engine.validate(
                Map.of("en", new Template("Hi", "{{ contact.getClass() }}")), "templates", true));
    }

    @Test
    void languagesSubjectsAndEmptiness() {
        Map<String, Template> templates = new LinkedHashMap<>();
        templates.put("fr", new Template("Salut", "x"));
        templates.put("en", new Template("", "body"));
        Map<String, String> fields = assertThrows(InvalidCampaignException.class, () -> engine.validate(templates, "templates", true)).fields();
        assertTrue(fields.containsKey("templates.fr"), fields.toString());
        assertTrue(fields.containsKey("templates.en.subject"), fields.toString());
        // an SMS needs no subject
        assertEquals(1, engine.validate(Map.of("en", new Template(null, "body")), "templates", false).size());
        assertTrue(assertThrows(InvalidCampaignException.class, () -> engine.validate(Map.of(), "templates", false)).fields()
                .containsKey("templates"));
        assertTrue(assertThrows(InvalidCampaignException.class, () -> engine.validate(Map.of("en", new Template("a\nb", "x")), "templates",
                true)).fields().containsKey("templates.en.subject"));
    }
}
