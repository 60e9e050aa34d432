package org.rapport.conversations.internal.bot;

import java.util.List;

/** Where the bot looks up answers to questions: the education library, when it is installed. */
public interface Knowledge {

    /** A passage that may answer a question; {@code confidence} 0..1. */
    record Passage(String title, String passage, String url, double confidence) {}

    /** The best passages, best first; empty when nothing matches or no library is installed. */
    List<Passage> find(String question, String language, int max);
}
