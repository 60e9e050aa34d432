package org.rapport.search;

import org.osgi.annotation.versioning.ProviderType;
import org.rapport.security.Principal;

/**
 * Full-text search over clients, contacts, interactions and education articles, kept current from
 * the domain events (a change is searchable within a second).
 *
 * <p>The text is never parsed as query syntax: it is analysed as Chinese (segmented words) and as
 * plain words and identifiers (kept whole, e.g. {@code acme.com}, {@code SF1234567890}); any input
 * is safe. A field the caller's roles may not read whole (see the security bundle's
 * {@code FieldPolicy}) is neither matched nor shown whole for them.
 *
 * @since 0.1
 */
@ProviderType
public interface SearchService {

    /**
     * Searches.
     *
     * @param request what to look for
     * @param caller who asks (decides which fields are matched and shown)
     * @return one page of hits, the total and the facet counts
     * @throws IllegalArgumentException when the request's paging goes past {@link SearchRequest#MAX_WINDOW}
     */
    SearchResult search(SearchRequest request, Principal caller);

    /** Counts and state of the index. */
    IndexStatus status();
}
