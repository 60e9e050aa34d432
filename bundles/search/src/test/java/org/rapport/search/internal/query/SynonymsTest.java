package org.rapport.search.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {
    private final Synonyms synonyms = Synonyms.of(List.of(
            "# a comment line",
            "U盾, 安全令牌, security token, token   # trailing comment",
            "网银, 网上银行, online banking",
            "lonely",
            "退票，退回, bounced"));

    @Test
    void findsEntriesLongestFirstWithoutOverlap() {
        List<Synonyms.Found> found = synonyms.find("网上银行的U盾丢了");
        assertThat(found).extracting(Synonyms.Found::entry).containsExactly("网上银行", "u盾");
        assertThat(found.get(0).group()).containsExactly("网银", "网上银行", "online banking");
        assertThat(found.get(0).start()).isZero();
        assertThat(found.get(0).end()).isEqualTo(4);
    }

    @Test
    void latinEntriesMatchWholeWordsOnlyAndIgnoreCase() {
        assertThat(synonyms.find("I lost my Security Token")).extracting(Synonyms.Found::entry).containsExactly("security token");
        assertThat(synonyms.find("tokens and detokenize")).isEmpty();
        assertThat(synonyms.find("the payment BOUNCED.")).extracting(Synonyms.Found::entry).containsExactly("bounced");
    }

    @Test
    void fullWidthCommasSeparateAndGroupsOfOneAreSkipped() {
        assertThat(synonyms.find("被退回了")).singleElement().satisfies(f -> assertThat(f.group()).containsExactly("退票", "退回", "bounced"));
        assertThat(synonyms.find("lonely")).isEmpty();
        assertThat(Synonyms.none().find("U盾")).isEmpty();
    }

    @Test
    void theBuiltInGroupsLoadAndMoreCanBeAdded() {
        Synonyms builtIn = Synonyms.fromResource("/answers/synonyms.txt");
        assertThat(builtIn.size()).isGreaterThan(300);
        Synonyms more = builtIn.with(Synonyms.of(List.of("小金库, 私设账户")));
        assertThat(more.find("小金库")).singleElement().satisfies(f -> assertThat(f.group()).contains("私设账户"));
        assertThat(more.find("U盾")).isNotEmpty();
    }
}
