package org.rapport.conversations.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.conversations.internal.bot.AccountFacts;
import org.rapport.conversations.internal.bot.BotReply;
import org.rapport.conversations.internal.bot.BotTemplates;
import org.rapport.conversations.internal.bot.Chatbot;
import org.rapport.conversations.internal.bot.IntentClassifier;
import org.rapport.conversations.internal.bot.Knowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured chatbot ({@value BotConfig#PID}); a changed configuration applies to the next message. */
@Component(service = Bot.class, configurationPid = BotConfig.PID)
@Designate(ocd = BotConfig.class)
public final class Bot {

    private static final Logger LOG = LoggerFactory.getLogger(Bot.class);

    private volatile boolean enabled;
    private volatile Chatbot chatbot;
    private volatile BotTemplates templates;
    private volatile java.util.function.Predicate<String> optOut = t -> false;

    @Activate
    public Bot(BotConfig config) {
        modified(config);
    }

    @Modified
    void modified(BotConfig config) {
        List<String> problems = new ArrayList<>();
        BotTemplates templates = new BotTemplates(List.of(config.templates()), problems);
        problems.forEach(p -> LOG.warn("Chatbot configuration: {}", p));
        double threshold = Math.max(0, Math.min(1, config.confidenceThreshold()));
        chatbot = new Chatbot(new IntentClassifier(t -> optOut.test(t)), templates, threshold);
        this.templates = templates;
        enabled = config.enabled();
    }

    /** Lets the classifier use the compliance bundle's opt-out keywords. */
    void optOutCommands(java.util.function.Predicate<String> optOut) {
        this.optOut = optOut;
    }

    boolean enabled() {
        return enabled;
    }

    BotReply respond(String text, String languageHint, Long verifiedContactId, Knowledge knowledge, AccountFacts facts) {
        return chatbot.respond(text, languageHint, verifiedContactId, knowledge, facts);
    }

    /** A configured template's text. */
    String text(String key, String language) {
        return templates.text(key, language);
    }
}
