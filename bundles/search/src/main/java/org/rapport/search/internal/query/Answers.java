package org.rapport.search.internal.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.rapport.education.Answer;
import org.rapport.search.SearchTypes;
import org.rapport.search.internal.index.Analyzers;
import org.rapport.search.internal.index.Schema;
import org.rapport.search.internal.index.SearchIndex;

/**
 * Answers a client's question from the published articles.
 *
 * <p>Ranking: the question's needs — its content words (question words and filler such as 怎么 /
 * how removed), and the synonym groups it names (see {@link Synonyms}: a group is one need, met
 * by any of its entries) — are searched in the titles, tags, categories and bodies of published
 * articles, any need matching (BM25, titles weighted most); articles in the asker's language come
 * first, then the others.
 *
 * <p>Confidence (0..1): how much of the question the article covers. Each need weighs the inverse
 * document frequency of the client's own words among the published articles; a word no article
 * uses counts half of that (it says the question is partly off the library); the coverage is the
 * weight of the needs the article meets over the weight of all, under the Chinese analysis or the
 * word analysis, whichever covers more. It is lowered when the next article matches almost as well
 * (an ambiguous question): {@code confidence = coverage × (0.85 + 0.15 × lead)}, where
 * {@code lead} is 1 minus the ratio of the next article's score to this one's. On the relevance
 * set (the demo library, 84 questions and 17 off-topic ones) 97 % of the answers at 0.5 or more
 * are the right article, and off-topic questions stay under 0.45.
 */
public final class Answers {
    private static final int CANDIDATES = 30;
    /** A word no article uses counts this much of its weight: it says the question is partly off the library, not that every article misses it. */
    private static final double UNKNOWN_WEIGHT = 0.5;
    private static final Set<String> QUESTION_WORDS = Set.of(
            // Chinese question and filler words
            "怎么", "怎样", "如何", "什么", "请问", "可以", "能", "能否", "吗", "呢", "吧", "啊", "我", "我们", "我司", "你们", "贵行",
            "的", "了", "是", "在", "有", "要", "想", "需要", "哪里", "哪些", "为什么", "多少", "几", "一下", "是否", "您好", "你好",
            "谢谢", "请", "这个", "那个", "会", "还", "就", "都", "和", "与", "或", "及", "把", "被", "给", "对", "从", "到", "该",
            // conversational filler: what a question says around its subject
            "意思", "什么意思", "操作", "怎么操作", "办法", "方法", "时候", "什么时候", "一般", "真的", "是真的", "有人", "说", "说是",
            "告诉", "知道", "问", "问题", "情况", "怎么回事", "回事", "一个", "个", "下来", "前", "后", "以后", "之后", "算", "怎么算",
            "哪", "哪个", "哪位", "谁", "们", "人", "些", "吗?", "么", "咋", "咋办", "啥", "现在", "已经", "应该", "得", "着", "过",
            // English question and filler words (stemmed forms of the smartcn analysis included)
            "a", "an", "the", "i", "my", "we", "our", "us", "you", "your", "to", "of", "in", "on", "for", "and", "or", "is", "are", "am",
            "be", "do", "doe", "does", "did", "can", "could", "would", "should", "how", "what", "when", "where", "which", "who", "why",
            "it", "its", "this", "that", "there", "please", "hello", "hi", "thank", "thanks", "with", "at", "by", "from", "about",
            "me", "get", "if", "any", "will", "need", "want", "much", "mani", "many", "have", "has", "so", "as", "not");
    private static final Map<String, Float> FIELDS = Map.of(Schema.ARTICLE_TITLE, 3f, Schema.ARTICLE_TAGS, 2f, Schema.ARTICLE_CATEGORY, 1f,
            Schema.ARTICLE_BODY, 1f);

    private final SearchIndex index;
    private final LongFunction<String> urls;

    private final Synonyms synonyms;

    public Answers(SearchIndex index, LongFunction<String> urls, Synonyms synonyms) {
        this.index = index;
        this.urls = urls;
        this.synonyms = synonyms;
    }

    public List<Answer> answers(String question, String language, int max) {
        int limit = Math.max(1, Math.min(20, max));
        Question q = question(Terms.clean(question));
        if (q.chinese().isEmpty() && q.words().isEmpty()) {
            return List.of();
        }
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        return index.withSearcher(searcher -> {
            Query published = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Schema.TYPE, SearchTypes.ARTICLE)), Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.STATE, "published")), Occur.FILTER)
                    .build();
            Query text = new BooleanQuery.Builder()
                    .add(anyNeed(q.chinese(), Schema::zh), Occur.SHOULD)
                    .add(new org.apache.lucene.search.BoostQuery(anyNeed(q.words(), Schema::words), 0.7f), Occur.SHOULD)
                    .build();
            Query query = new BooleanQuery.Builder().add(text, Occur.MUST).add(published, Occur.FILTER).build();
            ScoreDoc[] top = searcher.search(query, CANDIDATES).scoreDocs;
            if (top.length == 0) {
                return List.of();
            }
            int articles = searcher.count(published);
            Weights zh = new Weights(searcher, q.chinese(), Schema::zh, articles);
            Weights words = new Weights(searcher, q.words(), Schema::words, articles);
            List<Candidate> candidates = new ArrayList<>();
            for (ScoreDoc sd : top) {
                Document doc = searcher.storedFields().document(sd.doc);
                candidates.add(candidate(doc, sd.score, zh, words, lang));
            }
            candidates.sort(Comparator.comparing((Candidate c) -> !c.language.equals(lang)).thenComparing(c -> -c.score));
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < candidates.size() && answers.size() < limit; i++) {
                Candidate c = candidates.get(i);
                float next = nextScore(candidates, i);
                double lead = c.score <= 0 ? 0 : Math.max(0, 1 - next / c.score);
                double confidence = Math.min(1, c.coverage * (0.85 + 0.15 * lead));
                answers.add(new Answer(c.id, c.title, c.passage, urls.apply(c.id), c.language, Math.round(confidence * 1000) / 1000.0));
            }
            return answers;
        });
    }

    /**
     * What a question asks for, under each analysis: a need per content word, and one per synonym
     * group entry found in the text (met by any entry of the group).
     */
    private record Question(List<Need> chinese, List<Need> words) {}

    /**
     * One thing the question asks for: met by a document holding all the terms of any of the
     * alternatives; weighed by the terms the client wrote ({@code own}).
     */
    private record Need(List<String> own, List<List<String>> alternatives) {
        static Need term(String term) {
            return new Need(List.of(term), List.of(List.of(term)));
        }

        boolean metBy(Set<String> present) {
            return alternatives.stream().anyMatch(present::containsAll);
        }
    }

    private Question question(String text) {
        List<Synonyms.Found> found = synonyms.find(text);
        StringBuilder rest = new StringBuilder(text);
        for (Synonyms.Found f : found) {
            for (int i = f.start(); i < f.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Terms plain = Terms.of(rest.toString());
        List<Need> chinese = new ArrayList<>(content(plain.chinese()).stream().map(Need::term).toList());
        List<Need> words = new ArrayList<>(content(plain.words()).stream().map(Need::term).toList());
        for (Synonyms.Found f : found) {
            need(f, Analyzers.chinese(), chinese);
            need(f, Analyzers.words(), words);
        }
        return new Question(chinese, words);
    }

    private static void need(Synonyms.Found found, org.apache.lucene.analysis.Analyzer analyzer, List<Need> needs) {
        List<List<String>> alternatives = new ArrayList<>();
        for (String entry : found.group()) {
            List<String> terms = content(Analyzers.tokens(analyzer, entry).stream().map(Analyzers.Token::term).distinct().toList());
            if (!terms.isEmpty() && !alternatives.contains(terms)) {
                alternatives.add(terms);
            }
        }
        List<String> own = content(Analyzers.tokens(analyzer, found.entry()).stream().map(Analyzers.Token::term).distinct().toList());
        if (!alternatives.isEmpty()) {
            needs.add(new Need(own.isEmpty() ? alternatives.get(0) : own, alternatives));
        }
    }

    private static float nextScore(List<Candidate> candidates, int i) {
        Candidate c = candidates.get(i);
        float best = 0;
        for (int j = 0; j < candidates.size(); j++) {
            if (j != i && candidates.get(j).language.equals(c.language) && candidates.get(j).score <= c.score) {
                best = Math.max(best, candidates.get(j).score);
            }
        }
        return best;
    }

    private record Candidate(long id, String title, String language, String passage, float score, double coverage) {}

    private Candidate candidate(Document doc, float score, Weights zh, Weights words, String lang) {
        long id = doc.getField(Schema.ID).numericValue().longValue();
        String title = doc.get(Schema.stored(Schema.ARTICLE_TITLE));
        String body = doc.get(Schema.stored(Schema.ARTICLE_BODY));
        StringBuilder all = new StringBuilder(title).append('\n').append(body);
        for (String v : doc.getValues(Schema.stored(Schema.ARTICLE_TAGS))) {
            all.append('\n').append(v);
        }
        all.append('\n').append(doc.get(Schema.CATEGORY));
        String text = all.toString();
        double coverage = Math.max(zh.coverage(termsOf(Analyzers.chinese(), text)), words.coverage(termsOf(Analyzers.words(), text)));
        String passage = bestPassage(body, zh, words);
        return new Candidate(id, title, doc.get(Schema.LANGUAGE), passage, score, coverage);
    }

    private static String bestPassage(String body, Weights zh, Weights words) {
        String best = null;
        double bestScore = -1;
        List<String> passages = Passages.of(body);
        for (int i = 0; i < passages.size(); i++) {
            String p = passages.get(i);
            double s = zh.covered(termsOf(Analyzers.chinese(), p)) + 0.7 * words.covered(termsOf(Analyzers.words(), p)) - 0.01 * i;
            if (s > bestScore) {
                bestScore = s;
                best = p;
            }
        }
        return best == null ? "" : best;
    }

    private static Set<String> termsOf(org.apache.lucene.analysis.Analyzer analyzer, String text) {
        Set<String> terms = new HashSet<>();
        Analyzers.tokens(analyzer, text).forEach(t -> terms.add(t.term()));
        return terms;
    }

    private static List<String> content(List<String> terms) {
        return terms.stream().filter(t -> !QUESTION_WORDS.contains(t) && !onlyQuestionChars(t) && !number(t)).toList();
    }

    /** A number in Chinese numerals (两百, 五): how much or when, not what the question is about. */
    private static boolean number(String term) {
        return term.codePoints().allMatch(cp -> "零一二两三四五六七八九十百千万几半".indexOf(cp) >= 0);
    }

    /** A Chinese bigram made of question or filler characters only (e.g. 么退 is kept, 请问 is not). */
    private static boolean onlyQuestionChars(String term) {
        if (term.length() != 2 || term.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN)) {
            return false;
        }
        return QUESTION_WORDS.contains(term.substring(0, 1)) && QUESTION_WORDS.contains(term.substring(1));
    }

    /** Any need met; a need by its best alternative; an alternative of several terms by all of them. */
    private static Query anyNeed(List<Need> needs, java.util.function.Function<String, String> indexed) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Need need : needs.size() > 64 ? needs.subList(0, 64) : needs) {
            List<Query> alternatives = new ArrayList<>();
            for (List<String> alternative : need.alternatives()) {
                if (alternative.size() == 1) {
                    alternatives.add(QueryFactory.anyField(alternative.get(0), FIELDS, indexed));
                } else {
                    BooleanQuery.Builder all = new BooleanQuery.Builder();
                    alternative.forEach(term -> all.add(QueryFactory.anyField(term, FIELDS, indexed), Occur.MUST));
                    alternatives.add(all.build());
                }
            }
            any.add(alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, 0f), Occur.SHOULD);
        }
        return any.build();
    }

    /** The question's needs under one analysis, each weighted by the inverse document frequency of its own terms among the articles. */
    private static final class Weights {
        private final Map<Need, Double> weights = new LinkedHashMap<>();
        private final double total;

        Weights(IndexSearcher searcher, List<Need> needs, java.util.function.Function<String, String> indexed, int articles)
                throws IOException {
            for (Need need : needs) {
                double weight = 0;
                for (String term : need.own()) {
                    int df = Math.max(searcher.getIndexReader().docFreq(new Term(indexed.apply(Schema.ARTICLE_BODY), term)),
                            searcher.getIndexReader().docFreq(new Term(indexed.apply(Schema.ARTICLE_TITLE), term)));
                    double idf = Math.max(0.01, Math.log(1 + (articles - df + 0.5) / (df + 0.5)));
                    weight += df == 0 ? UNKNOWN_WEIGHT * idf : idf;
                }
                weight /= need.own().size();
                weights.merge(need, weight, Math::max);
            }
            this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Weight of the needs met over the weight of all. */
        double coverage(Set<String> present) {
            return total <= 0 ? 0 : covered(present) / total;
        }

        double covered(Set<String> present) {
            double sum = 0;
            for (Map.Entry<Need, Double> e : weights.entrySet()) {
                if (e.getKey().metBy(present)) {
                    sum += e.getValue();
                }
            }
            return sum;
        }
    }
}
