package org.rapport.search.internal.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.util.BytesRef;
import org.rapport.search.Highlight;
import org.rapport.search.SearchHit;
import org.rapport.search.SearchRequest;
import org.rapport.search.SearchResult;
import org.rapport.search.SearchTypes;
import org.rapport.search.internal.index.Schema;
import org.rapport.search.internal.index.SearchIndex;

/**
 * Runs a {@link SearchRequest} on the index for one caller: only the fields the caller may see
 * are searched, shown whole and highlighted; the rest are masked. Strict matching first (every
 * word), relaxed when that finds nothing.
 */
public final class SearchEngine {
    private static final int FRAGMENT = 160;

    /** What one caller may see: {@code visible(entity, field)} and {@code mask(value)}. */
    public record Viewer(BiPredicate<String, String> visible, UnaryOperator<String> mask) {
        /** Everything whole (the system, tests). */
        public static final Viewer ALL = new Viewer((e, f) -> true, v -> v);

        boolean sees(String field) {
            return !isPoliced(field) || visible.test(Schema.entity(field), Schema.name(field));
        }

        String view(String field, String value) {
            return value == null || sees(field) ? value : mask.apply(value);
        }

        private static boolean isPoliced(String field) {
            String entity = Schema.entity(field);
            return entity.equals("client") || entity.equals("contact") || entity.equals("interaction");
        }
    }

    private final SearchIndex index;

    public SearchEngine(SearchIndex index) {
        this.index = index;
    }

    public SearchResult search(SearchRequest request, Viewer viewer) {
        Terms terms = Terms.of(request.text());
        Map<String, Float> fields = new LinkedHashMap<>();
        Schema.TEXT_FIELDS.forEach((field, weight) -> {
            if (viewer.sees(field)) {
                fields.put(field, weight);
            }
        });
        boolean browse = terms.isEmpty() && request.text().isBlank();
        Query filter = filter(request);
        return index.withSearcher(searcher -> {
            Query text = browse ? new MatchAllDocsQuery() : QueryFactory.text(terms, fields, true);
            Run run = run(searcher, combine(text, filter), request);
            if (run.total == 0 && !browse && terms.chinese().size() + terms.words().size() > 1) {
                run = run(searcher, combine(QueryFactory.text(terms, fields, false), filter), request);
            }
            Highlighter highlighter = new Highlighter(terms);
            List<SearchHit> hits = new ArrayList<>();
            ScoreDoc[] docs = run.top.scoreDocs;
            int from = (request.page() - 1) * request.size();
            for (int i = from; i < docs.length; i++) {
                Document doc = searcher.storedFields().document(docs[i].doc);
                hits.add(hit(doc, docs[i].score, viewer, browse ? null : highlighter, fields.keySet()));
            }
            return new SearchResult(hits, run.total, run.facets);
        });
    }

    private record Run(TopDocs top, long total, Map<String, Map<String, Long>> facets) {}

    private static Run run(IndexSearcher searcher, Query query, SearchRequest request) throws IOException {
        TopScoreDocCollector top = TopScoreDocCollector.create(request.page() * request.size(), Integer.MAX_VALUE);
        FacetCounter facets = new FacetCounter(Schema.FACETS);
        searcher.search(query, MultiCollector.wrap(top, facets));
        TopDocs docs = top.topDocs();
        return new Run(docs, docs.totalHits.value, facets.counts());
    }

    private static Query combine(Query text, Query filter) {
        if (filter == null) {
            return text;
        }
        return new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static Query filter(SearchRequest request) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        int clauses = 0;
        if (!request.types().isEmpty()) {
            filter.add(new TermInSetQuery(Schema.TYPE, request.types().stream().map(BytesRef::new).toList()), Occur.FILTER);
            clauses++;
        }
        for (Map.Entry<String, Set<String>> e : request.filters().entrySet()) {
            if (!Schema.FILTERS.contains(e.getKey()) || e.getValue().isEmpty()) {
                continue;
            }
            filter.add(new TermInSetQuery(e.getKey(), e.getValue().stream().map(v -> new BytesRef(v.toLowerCase(java.util.Locale.ROOT)))
                    .toList()), Occur.FILTER);
            clauses++;
        }
        return clauses == 0 ? null : filter.build();
    }

    private static SearchHit hit(Document doc, float score, Viewer viewer, Highlighter highlighter, Set<String> searched) {
        String type = doc.get(Schema.TYPE);
        long id = doc.getField(Schema.ID).numericValue().longValue();
        String client = doc.get(Schema.CLIENT);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (IndexableField f : doc.getFields()) {
            if (f.name().startsWith("a.") && f.stringValue() != null) {
                attributes.put(f.name().substring(2), f.stringValue());
            }
        }
        for (String facet : List.of(Schema.TIER, Schema.INDUSTRY, Schema.REGION, Schema.LANGUAGE, Schema.STATE, Schema.CATEGORY)) {
            String value = doc.get(facet);
            if (value != null) {
                attributes.put(facet, value);
            }
        }
        String title;
        List<String> subtitle = new ArrayList<>();
        switch (type) {
            case SearchTypes.CLIENT -> {
                title = view(doc, viewer, Schema.CLIENT_NAME);
                subtitle.add(view(doc, viewer, Schema.CLIENT_REGISTRATION));
            }
            case SearchTypes.CONTACT -> {
                title = view(doc, viewer, Schema.CONTACT_NAME);
                subtitle.add(view(doc, viewer, Schema.CLIENT_NAME));
                subtitle.add(view(doc, viewer, Schema.CONTACT_TITLE));
                subtitle.add(view(doc, viewer, Schema.CONTACT_EMAILS));
                subtitle.add(view(doc, viewer, Schema.CONTACT_PHONES));
            }
            case SearchTypes.INTERACTION -> {
                title = view(doc, viewer, Schema.INTERACTION_SUMMARY);
                subtitle.add(view(doc, viewer, Schema.CLIENT_NAME));
                subtitle.add(attributes.get("channel"));
                subtitle.add(view(doc, viewer, Schema.INTERACTION_STAFF));
            }
            default -> {
                title = doc.get(Schema.stored(Schema.ARTICLE_TITLE));
                subtitle.add(doc.get(Schema.CATEGORY));
            }
        }
        List<Highlight> highlights = new ArrayList<>();
        if (highlighter != null) {
            String shownAsTitle = switch (type) {
                case SearchTypes.CLIENT -> Schema.CLIENT_NAME;
                case SearchTypes.CONTACT -> Schema.CONTACT_NAME;
                case SearchTypes.INTERACTION -> Schema.INTERACTION_SUMMARY;
                default -> Schema.ARTICLE_TITLE;
            };
            for (String field : searched) {
                if (field.equals(shownAsTitle) && type.equals(SearchTypes.ARTICLE)) {
                    continue;
                }
                for (String value : doc.getValues(Schema.stored(field))) {
                    String text = field.equals(Schema.ARTICLE_BODY) ? Passages.plain(value) : value;
                    Highlight h = highlighter.highlight(field, text, FRAGMENT);
                    if (h != null && highlights.size() < 3) {
                        highlights.add(h);
                    }
                }
            }
        }
        return new SearchHit(type, id, client == null ? null : Long.parseLong(client), title == null ? "" : title,
                String.join(" · ", subtitle.stream().filter(s -> s != null && !s.isBlank()).toList()), attributes, highlights, score);
    }

    /** The first stored value of a field, masked when the viewer may not see it whole. */
    private static String view(Document doc, Viewer viewer, String field) {
        return viewer.view(field, doc.get(Schema.stored(field)));
    }
}
