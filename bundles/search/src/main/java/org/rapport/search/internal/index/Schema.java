package org.rapport.search.internal.index;

import java.util.List;
import java.util.Map;
import org.rapport.search.SearchTypes;

/**
 * The index's field names. Every searchable field is named as the records' field policy names it
 * ({@code entity.field}) and indexed twice: {@code zh.<name>} segmented as Chinese (smartcn) and
 * {@code w.<name>} as whole words and identifiers with Chinese bigrams; its value is stored under
 * {@code s.<name>}, and identifiers normalised for exact look-up under {@code x.<name>}.
 */
public final class Schema {
    /** Unique document key, {@code type:id}. */
    public static final String KEY = "key";
    /** Replaced together: a client and its contacts, {@code c:clientId}. */
    public static final String FAMILY = "family";
    public static final String TYPE = "type";
    public static final String ID = "id";
    public static final String CLIENT = "client";
    /** Rebuild generation that wrote the document. */
    public static final String GEN = "gen";
    /** When the document's record last changed (epoch millis), stored. */
    public static final String CHANGED = "changed";

    public static final String TIER = "tier";
    public static final String INDUSTRY = "industry";
    public static final String REGION = "region";
    public static final String STAGE = "stage";
    public static final String LANGUAGE = "language";
    public static final String STATE = "state";
    public static final String CATEGORY = "category";
    /** Facets counted for every search. */
    public static final List<String> FACETS = List.of(TYPE, TIER, INDUSTRY, REGION, LANGUAGE);
    /** Facets a search may filter on. */
    public static final List<String> FILTERS = List.of(TIER, INDUSTRY, REGION, LANGUAGE);

    public static final String CLIENT_NAME = "client.name";
    public static final String CLIENT_REGISTRATION = "client.registrationNo";
    public static final String CLIENT_TAGS = "client.tags";
    public static final String CONTACT_NAME = "contact.name";
    public static final String CONTACT_TITLE = "contact.title";
    public static final String CONTACT_EMAILS = "contact.emails";
    public static final String CONTACT_PHONES = "contact.phones";
    public static final String INTERACTION_SUMMARY = "interaction.summary";
    public static final String INTERACTION_STAFF = "interaction.staffName";
    public static final String ARTICLE_TITLE = "article.title";
    public static final String ARTICLE_BODY = "article.body";
    public static final String ARTICLE_TAGS = "article.tags";
    public static final String ARTICLE_CATEGORY = "article.category";

    /** Every searchable field with its weight. */
    public static final Map<String, Float> TEXT_FIELDS = Map.ofEntries(
            Map.entry(CLIENT_NAME, 3f), Map.entry(CLIENT_REGISTRATION, 3f), Map.entry(CLIENT_TAGS, 1.5f),
            Map.entry(CONTACT_NAME, 2.5f), Map.entry(CONTACT_TITLE, 1f), Map.entry(CONTACT_EMAILS, 2f), Map.entry(CONTACT_PHONES, 2f),
            Map.entry(INTERACTION_SUMMARY, 1f), Map.entry(INTERACTION_STAFF, 0.5f),
            Map.entry(ARTICLE_TITLE, 2.5f), Map.entry(ARTICLE_BODY, 1f), Map.entry(ARTICLE_TAGS, 1.5f), Map.entry(ARTICLE_CATEGORY, 1f));
    /** Fields that also carry exact identifiers. */
    public static final List<String> IDENTIFIER_FIELDS = List.of(CLIENT_REGISTRATION, CONTACT_EMAILS, CONTACT_PHONES);
    /** The document types whose fields pass the field policy (articles are public material). */
    public static final List<String> POLICED_TYPES = List.of(SearchTypes.CLIENT, SearchTypes.CONTACT, SearchTypes.INTERACTION);

    private Schema() {
    }

    public static String zh(String field) {
        return "zh." + field;
    }

    public static String words(String field) {
        return "w." + field;
    }

    public static String stored(String field) {
        return "s." + field;
    }

    public static String exact(String field) {
        return "x." + field;
    }

    /** The entity part of {@code entity.field}. */
    public static String entity(String field) {
        return field.substring(0, field.indexOf('.'));
    }

    /** The field part of {@code entity.field}. */
    public static String name(String field) {
        return field.substring(field.indexOf('.') + 1);
    }
}
