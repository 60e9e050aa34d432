package org.rapport.campaigns.internal;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Template;

/**
 * Pebble set up for admin-written templates: strict variables (an unknown variable is an error,
 * not an empty string), no method calls on objects (only the maps of {@link TemplateVariables}),
 * no auto-escaping (the text is plain), a cap on the rendered size. Templates are checked at save
 * and preview by rendering them against a sample of every variable, so a run never meets a
 * template that fails.
 */
final class TemplateEngine {
    static final int MAX_TEMPLATE_CHARS = 50_000;
    static final int MAX_SUBJECT_CHARS = 300;
    static final int MAX_RENDERED_CHARS = 200_000;

    private final PebbleEngine engine = new PebbleEngine.Builder()
            .loader(new StringLoader())
            .strictVariables(true)
            .autoEscaping(false)
            .newLineTrimming(false)
            .cacheActive(false)
            .allowOverrideCoreOperators(false)
            .methodAccessValidator((object, method) -> false)
            .maxRenderedSize(MAX_RENDERED_CHARS)
            .build();

    /** A compiled template; thread-safe. */
    record Compiled(PebbleTemplate subject, PebbleTemplate body) {}

    /**
     * Checks every template of a campaign and compiles them.
     *
     * @param field the prefix for errors, e.g. {@code templates}
     * @throws InvalidCampaignException naming {@code templates.<lang>.subject|body} with the line and reason
     */
    Map<String, Compiled> validate(Map<String, Template> templates, String field, boolean needsSubject) {
        if (templates == null || templates.isEmpty()) {
            throw new InvalidCampaignException(field, "at least one template (zh or en) is required");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Compiled> compiled = new LinkedHashMap<>();
        for (Map.Entry<String, Template> entry : templates.entrySet()) {
            String lang = entry.getKey();
            String prefix = field + "." + lang;
            if (!List.of("zh", "en").contains(lang)) {
                errors.put(prefix, "the language must be zh or en");
                continue;
            }
            Template template = entry.getValue();
            if (template == null || template.body() == null || template.body().isBlank()) {
                errors.put(prefix + ".body", "must not be empty");
                continue;
            }
            if (template.body().length() > MAX_TEMPLATE_CHARS) {
                errors.put(prefix + ".body", "at most " + MAX_TEMPLATE_CHARS + " characters");
                continue;
            }
            String subject = template.subject() == null ? "" : template.subject();
            if (needsSubject && subject.isBlank()) {
                errors.put(prefix + ".subject", "an email needs a subject");
                continue;
            }
            if (subject.length() > MAX_SUBJECT_CHARS || subject.contains("\n") || subject.contains("\r")) {
                errors.put(prefix + ".subject", "one line of at most " + MAX_SUBJECT_CHARS + " characters");
                continue;
            }
            PebbleTemplate s = check(subject, prefix + ".subject", errors);
            PebbleTemplate b = check(template.body(), prefix + ".body", errors);
            if (s != null && b != null) {
                compiled.put(lang, new Compiled(s, b));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCampaignException(errors);
        }
        return compiled;
    }

    private PebbleTemplate check(String text, String field, Map<String, String> errors) {
        try {
            PebbleTemplate template = engine.getTemplate(text);
            render(template, TemplateVariables.sample());
            return template;
        } catch (PebbleException e) {
            errors.put(field, describe(e));
            return null;
        } catch (RuntimeException e) {
            errors.put(field, "cannot be rendered: " + e.getClass().getSimpleName());
            return null;
        }
    }

    /** Renders a compiled template with these variables. */
    String render(PebbleTemplate template, Map<String, Object> variables) {
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, variables);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a string failed", e);
        }
        return out.toString();
    }

    /** "line 3: reason", from Pebble's error. */
    static String describe(PebbleException e) {
        String reason = e.getPebbleMessage() == null ? e.getClass().getSimpleName() : e.getPebbleMessage();
        reason = reason.replace(" and strict variables is set to true", "");
        if (e instanceof io.pebbletemplates.pebble.error.RootAttributeNotFoundException
                || e instanceof io.pebbletemplates.pebble.error.AttributeNotFoundException) {
            reason = "unknown variable: " + reason;
        }
        Integer line = e.getLineNumber();
        return (line == null ? "" : "line " + line + ": ") + reason;
    }
}
