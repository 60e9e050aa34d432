package org.rapport.search.internal;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.education.Answer;
import org.rapport.education.AnswerSource;
import org.rapport.education.Education;
import org.rapport.search.internal.query.Answers;
import org.rapport.search.internal.query.Synonyms;

/**
 * The {@link AnswerSource} over the search index: published articles only, links to their public
 * pages under the framework property {@code rapport.public.url}; the words clients use are matched
 * to the library's through the built-in synonym groups and those configured. Available while the index is,
 * even when the education bundle is stopped.
 */
@Component(service = AnswerSource.class, configurationPid = SearchConfig.PID)
public final class AnswerService implements AnswerSource {
    /** The built-in synonym groups (banking and client service, zh and en). */
    static final String BUILT_IN = "/answers/synonyms.txt";

    private final Answers answers;

    @Activate
    public AnswerService(@Reference IndexComponent index, BundleContext context, SearchConfig config) {
        String base = context.getProperty("rapport.public.url");
        String root = base == null || base.isBlank() ? "http://localhost:8080" : base.strip().replaceAll("/+$", "");
        Synonyms synonyms = Synonyms.fromResource(BUILT_IN).with(Synonyms.of(List.of(config.answerSynonyms())));
        this.answers = new Answers(index.index(), id -> root + Education.PUBLIC_PATH + id, synonyms);
    }

    @Override
    public List<Answer> answers(String question, String language, int max) {
        return answers.answers(question, language, max);
    }
}
