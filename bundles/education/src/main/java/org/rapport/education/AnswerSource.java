package org.rapport.education;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds the passages of published education articles that answer a client's question; the
 * chatbot asks it and links to the article. Provided by the search bundle (over its index);
 * absent while no such bundle runs, so consumers reference it {@code OPTIONAL} + {@code DYNAMIC}.
 *
 * @since 0.1
 */
@ProviderType
public interface AnswerSource {

    /**
     * The best-matching passages of PUBLISHED articles for a client's question.
     *
     * @param question the client's text as written (never parsed as query syntax; any input is safe)
     * @param language "zh" or "en": articles in that language rank first, then the others
     * @param max at most this many answers (1..20)
     * @return best first; empty when nothing matches
     */
    List<Answer> answers(String question, String language, int max);
}
