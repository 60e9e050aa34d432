package org.rapport.search.internal.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.rapport.search.internal.index.Identifiers;
import org.rapport.search.internal.index.Schema;

/**
 * Builds Lucene queries from {@link Terms} over a set of fields (only those the caller may search),
 * without any query parser.
 *
 * <p>Strict mode (staff search): a document matches when it has <em>every</em> Chinese word of the
 * text, or every word / bigram, or one of its identifiers exactly. Relaxed mode (used when strict
 * finds nothing, and for answers): most of the words are enough, more matching words rank higher.
 */
public final class QueryFactory {
    private static final int MAX_CLAUSES = 64;

    private QueryFactory() {
    }

    /**
     * @param fields searchable fields ({@code entity.field}) with their weights
     * @param strict all words required (else about two thirds)
     */
    public static Query text(Terms terms, Map<String, Float> fields, boolean strict) {
        if (fields.isEmpty() || terms.isEmpty()) {
            return new MatchNoDocsQuery("nothing to search");
        }
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        int parts = 0;
        Query chinese = allTerms(terms.chinese(), fields, Schema::zh, strict);
        if (chinese != null) {
            top.add(chinese, Occur.SHOULD);
            parts++;
        }
        Query words = allTerms(terms.words(), fields, Schema::words, strict);
        if (words != null) {
            top.add(new BoostQuery(words, 0.8f), Occur.SHOULD);
            parts++;
        }
        Query exact = identifiers(terms.identifiers(), fields);
        if (exact != null) {
            top.add(new BoostQuery(exact, 4f), Occur.SHOULD);
            parts++;
        }
        return parts == 0 ? new MatchNoDocsQuery("no terms") : top.build();
    }

    private static Query allTerms(List<String> terms, Map<String, Float> fields, Function<String, String> indexed, boolean strict) {
        List<String> used = terms.size() > MAX_CLAUSES ? terms.subList(0, MAX_CLAUSES) : terms;
        if (used.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : used) {
            all.add(anyField(term, fields, indexed), strict ? Occur.MUST : Occur.SHOULD);
        }
        if (!strict) {
            all.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(used.size() * 0.6)));
        }
        return all.build();
    }

    /** The term in any of the fields, scored by the best field. */
    static Query anyField(String term, Map<String, Float> fields, Function<String, String> indexed) {
        List<Query> perField = new java.util.ArrayList<>(fields.size());
        fields.forEach((field, weight) -> {
            Query q = new TermQuery(new Term(indexed.apply(field), term));
            perField.add(weight == 1f ? q : new BoostQuery(q, weight));
        });
        return new DisjunctionMaxQuery(perField, 0.1f);
    }

    private static Query identifiers(Identifiers.QueryForms forms, Map<String, Float> fields) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += exact(any, fields, Schema.CONTACT_EMAILS, forms.emails());
        clauses += exact(any, fields, Schema.CONTACT_PHONES, forms.phones());
        clauses += exact(any, fields, Schema.CLIENT_REGISTRATION, forms.codes());
        return clauses == 0 ? null : any.build();
    }

    private static int exact(BooleanQuery.Builder any, Map<String, Float> fields, String field, Collection<String> values) {
        if (!fields.containsKey(field)) {
            return 0;
        }
        int n = 0;
        for (String value : values) {
            if (n >= 8) {
                break;
            }
            any.add(new TermQuery(new Term(Schema.exact(field), value)), Occur.SHOULD);
            n++;
        }
        return n;
    }
}
