package org.rapport.conversations.internal.bot;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rapport.conversations.Message;

/**
 * The chatbot's decisions for one client message: the intent, the answer in the client's
 * language, and what else must happen (a hand-over, a complaint, an opt-out). It has no side
 * effects itself: the caller carries out the action, so the same bot serves live conversations
 * and the console's "try the bot".
 */
public final class Chatbot {

    private static final int SUMMARY = 300;

    private final IntentClassifier classifier;
    private final BotTemplates templates;
    private final double threshold;

    /**
     * @param threshold the least confidence at which a library passage is given as the answer
     */
    public Chatbot(IntentClassifier classifier, BotTemplates templates, double threshold) {
        this.classifier = classifier;
        this.templates = templates;
        this.threshold = threshold;
    }

    /**
     * @param text the client's message
     * @param languageHint the language to use when the text does not tell ({@code zh} or {@code en})
     * @param contactId the verified contact, or {@code null}: account data is only ever shown when set
     * @param knowledge the library, or {@code null} when it is not installed
     * @param facts the account data source
     */
    public BotReply respond(String text, String languageHint, Long contactId, Knowledge knowledge, AccountFacts facts) {
        String language = Languages.detect(text, languageHint == null ? "en" : languageHint);
        Intent intent = classifier.classify(text);
        String summary = summary(text);
        if (intent.needsVerifiedClient() && contactId == null) {
            return reply(intent, language, templates.text("verify", language), 1.0, BotReply.Action.NONE, summary);
        }
        if (intent.needsVerifiedClient()) {
            try {
                return accountAnswer(intent, language, contactId, facts, summary);
            } catch (RuntimeException e) {
                // the records or the audit log are not available: a person answers instead
                return reply(intent, language, templates.text("unsure", language), 0, BotReply.Action.HANDOVER,
                        "Account question the bot could not answer (" + e.getMessage() + "): " + summary);
            }
        }
        return switch (intent) {
            case GREETING -> reply(intent, language, templates.text("greeting", language), 1.0, BotReply.Action.NONE, summary);
            case THANKS -> reply(intent, language, templates.text("thanks", language), 1.0, BotReply.Action.NONE, summary);
            case OPT_OUT -> reply(intent, language, templates.text("optout", language), 1.0, BotReply.Action.OPT_OUT, summary);
            case HUMAN -> reply(intent, language, templates.text("handover", language), 1.0, BotReply.Action.HANDOVER,
                    "Asked for a person: " + summary);
            case COMPLAINT -> reply(intent, language, templates.text("complaint", language), 1.0, BotReply.Action.FILE_COMPLAINT,
                    "Complaint: " + summary);
            case QUESTION -> question(text, language, knowledge, summary);
            default -> throw new IllegalStateException("unhandled intent " + intent);
        };
    }

    private BotReply accountAnswer(Intent intent, String language, long contactId, AccountFacts facts, String summary) {
        return switch (intent) {
            case ACCOUNT_MANAGER -> accountManager(language, contactId, facts, summary);
            case COMPLAINT_STATUS -> complaintStatus(language, contactId, facts, summary);
            case TRANSACTIONS -> transactions(language, contactId, facts, summary);
            default -> throw new IllegalStateException("not an account question: " + intent);
        };
    }

    private BotReply question(String text, String language, Knowledge knowledge, String summary) {
        List<Knowledge.Passage> found = knowledge == null ? List.of() : knowledge.find(text, language, 3);
        if (found.isEmpty() || found.get(0).confidence() < threshold) {
            double confidence = found.isEmpty() ? 0 : found.get(0).confidence();
            return new BotReply(Intent.QUESTION, language, templates.text("unsure", language), List.of(), confidence,
                    BotReply.Action.HANDOVER, "Question the bot could not answer: " + summary);
        }
        Knowledge.Passage best = found.get(0);
        String answer = templates.text("answer", language, Map.of("passage", best.passage(), "title", best.title(), "url", best.url()));
        return new BotReply(Intent.QUESTION, language, answer, List.of(new Message.Source(best.title(), best.url())), best.confidence(),
                BotReply.Action.NONE, summary);
    }

    private BotReply accountManager(String language, long contactId, AccountFacts facts, String summary) {
        Optional<String> manager = facts.accountManager(contactId);
        String answer = manager.map(m -> templates.text("manager", language, Map.of("manager", m)))
                .orElseGet(() -> templates.text("manager_none", language));
        return reply(Intent.ACCOUNT_MANAGER, language, answer, 1.0, BotReply.Action.NONE, summary);
    }

    private BotReply complaintStatus(String language, long contactId, AccountFacts facts, String summary) {
        List<AccountFacts.Complaint> complaints = facts.complaints(contactId);
        if (complaints.isEmpty()) {
            return reply(Intent.COMPLAINT_STATUS, language, templates.text("complaint_none", language), 1.0, BotReply.Action.NONE, summary);
        }
        String lines = complaints.stream().limit(5).map(c -> templates.text("complaint_line", language, Map.of(
                "reference", c.reference(), "date", c.filed().format(DateTimeFormatter.ISO_LOCAL_DATE),
                "status", BotTemplates.status(c.status(), language)))).collect(Collectors.joining("\n"));
        return reply(Intent.COMPLAINT_STATUS, language, templates.text("complaint_status", language, Map.of("complaints", lines)), 1.0,
                BotReply.Action.NONE, summary);
    }

    private BotReply transactions(String language, long contactId, AccountFacts facts, String summary) {
        List<AccountFacts.Transaction> transactions = facts.transactions(contactId, 5);
        if (transactions.isEmpty()) {
            return reply(Intent.TRANSACTIONS, language, templates.text("transactions_none", language), 1.0, BotReply.Action.NONE, summary);
        }
        String lines = transactions.stream().map(t -> templates.text("transaction_line", language, Map.of(
                "date", t.date().format(DateTimeFormatter.ISO_LOCAL_DATE), "amount", t.amount().toPlainString(),
                "currency", t.currency() == null ? "" : t.currency(), "product", t.product() == null ? "" : t.product()))
                .stripTrailing()).collect(Collectors.joining("\n"));
        return reply(Intent.TRANSACTIONS, language, templates.text("transactions", language, Map.of("transactions", lines)), 1.0,
                BotReply.Action.NONE, summary);
    }

    private static BotReply reply(Intent intent, String language, String answer, double confidence, BotReply.Action action,
            String summary) {
        return new BotReply(intent, language, answer, List.of(), confidence, action, summary);
    }

    private static String summary(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SUMMARY ? oneLine : oneLine.substring(0, SUMMARY - 1) + "…";
    }
}
