package org.rapport.search.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the search index (PID {@value #PID}). */
@ObjectClassDefinition(id = SearchConfig.PID, name = "Rapport search index",
        description = "Where the Lucene index lives and how quickly changes become searchable and durable.")
public @interface SearchConfig {
    String PID = "org.rapport.search";

    @AttributeDefinition(name = "Index directory", description = "Empty: DATA/search/index (framework property rapport.data).")
    String directory() default "";

    @AttributeDefinition(name = "Refresh interval (ms)", description = "How often new changes become searchable (50 to 1000).", min = "50",
            max = "1000")
    int refreshMillis() default 200;

    @AttributeDefinition(name = "Commit interval (s)", description = "How often changes are written durably (1 to 300).", min = "1",
            max = "300")
    int commitSeconds() default 5;

    @AttributeDefinition(name = "Answer synonyms", description = "More groups of words clients use for the same thing, for the "
            + "chatbot's answers, one group per entry, its words separated by commas (e.g. \"U盾, 安全令牌, token\"); added to the built-in "
            + "banking and client-service groups.")
    String[] answerSynonyms() default {};
}
