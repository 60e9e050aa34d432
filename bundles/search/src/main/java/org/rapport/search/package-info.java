/**
 * Search over the client records and the education library: {@link org.rapport.search.SearchService}
 * answers a text with typed hits, facets and highlights, as the caller may see them.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.search;
