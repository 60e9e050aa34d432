package org.rapport.search.internal.query;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts the values of single-valued keyword facets (sorted doc values) over every matching
 * document: per segment by ordinal, resolved to strings when the segment is done.
 */
public final class FacetCounter extends SimpleCollector {
    private final List<String> facets;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private SortedDocValues[] values;
    private int[][] segmentCounts;

    public FacetCounter(List<String> facets) {
        this.facets = facets;
        facets.forEach(f -> counts.put(f, new TreeMap<>()));
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        values = new SortedDocValues[facets.size()];
        segmentCounts = new int[facets.size()][];
        for (int i = 0; i < facets.size(); i++) {
            values[i] = DocValues.getSorted(context.reader(), facets.get(i));
            segmentCounts[i] = new int[Math.max(0, values[i].getValueCount())];
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        for (int i = 0; i < values.length; i++) {
            SortedDocValues v = values[i];
            if (v.advanceExact(doc)) {
                segmentCounts[i][v.ordValue()]++;
            }
        }
    }

    private void flush() throws IOException {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            int[] perOrd = segmentCounts[i];
            Map<String, Long> target = counts.get(facets.get(i));
            for (int ord = 0; ord < perOrd.length; ord++) {
                if (perOrd[ord] > 0) {
                    target.merge(values[i].lookupOrd(ord).utf8ToString(), (long) perOrd[ord], Long::sum);
                }
            }
        }
        values = null;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Facet → value → count, once collection is over. */
    public Map<String, Map<String, Long>> counts() throws IOException {
        flush();
        return counts;
    }
}
