package org.rapport.conversations.internal.bot;

import java.util.List;
import org.rapport.conversations.Message;

/**
 * What the bot answers to one message, and what must happen besides the answer.
 *
 * @param intent what the message asked for
 * @param language the language of the answer
 * @param answer the text to send ({@code {reference}} is filled in when a complaint is filed)
 * @param sources the articles used
 * @param confidence how sure the bot is, 0..1
 * @param action what else to do
 * @param summary for a hand-over: what the client wants, for staff
 */
public record BotReply(Intent intent, String language, String answer, List<Message.Source> sources, double confidence, Action action,
        String summary) {

    /** Side effects of an answer. */
    public enum Action {
        NONE, HANDOVER, FILE_COMPLAINT, OPT_OUT
    }

    public BotReply {
        sources = List.copyOf(sources);
    }

    public boolean handover() {
        return action == Action.HANDOVER || action == Action.FILE_COMPLAINT;
    }
}
