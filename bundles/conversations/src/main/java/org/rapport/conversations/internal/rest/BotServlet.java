package org.rapport.conversations.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.conversations.internal.ConversationService;
import org.rapport.conversations.internal.bot.BotReply;
import org.rapport.records.Records;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/**
 * {@code POST /api/v1/bot/ask}: what the chatbot would answer, without sending anything, filing a
 * complaint or opting anyone out. With {@code contactId} it answers as that verified contact.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,manager,agent",
    Access.SCOPE + "=bot",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern("/api/v1/bot/ask")
public final class BotServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_TEXT = 4000;

    private final transient ConversationService service;
    private final transient Records records;

    @Activate
    public BotServlet(@Reference ConversationService service, @Reference Records records) {
        this.service = service;
        this.records = records;
    }

    /** The question. */
    public record Ask(String text, String language, Long contactId) {}

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Ask ask = readJson(req, Ask.class);
        Map<String, String> errors = new LinkedHashMap<>();
        if (ask == null || ask.text() == null || ask.text().isBlank()) {
            errors.put("text", "must not be empty");
        } else if (ask.text().length() > MAX_TEXT) {
            errors.put("text", "at most " + MAX_TEXT + " characters");
        }
        if (ask != null && ask.language() != null && !List.of("zh", "en").contains(ask.language())) {
            errors.put("language", "must be zh or en");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (ask.contactId() != null) {
            var contact = records.contact(ask.contactId())
                    .orElseThrow(() -> ApiException.invalid(Map.of("contactId", "no such contact")));
            Audit.record(req, new Audit.Entry("read", "contact", List.of(String.valueOf(contact.id())), List.of(), contact.clientId(),
                    contact.id(), "try the bot as this contact"));
        }
        BotReply reply = service.tryBot(ask.text(), ask.language(), ask.contactId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intent", reply.intent().id());
        body.put("language", reply.language());
        body.put("answer", reply.answer().replace("{reference}", "C-TEST (not filed: this was a test)"));
        body.put("sources", reply.sources());
        body.put("handover", reply.handover());
        body.put("confidence", reply.confidence());
        body.put("action", reply.action().name().toLowerCase(java.util.Locale.ROOT));
        writeJson(resp, 200, body);
    }
}
