package org.rapport.demo.internal.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo library is complete and well-formed: 40 topics in both languages, links that resolve. */
class ArticleFilesTest {

    @Test
    void everyTopicInBothLanguagesWithResolvableLinks() {
        List<DemoArticle> articles = ArticleFiles.fromClassPath();
        Map<String, List<DemoArticle>> byLanguage = articles.stream().collect(Collectors.groupingBy(DemoArticle::language));
        assertThat(byLanguage.get("zh")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(byLanguage.get("en")).hasSizeGreaterThanOrEqualTo(40);
        Set<String> zhKeys = byLanguage.get("zh").stream().map(DemoArticle::key).collect(Collectors.toSet());
        Set<String> enKeys = byLanguage.get("en").stream().map(DemoArticle::key).collect(Collectors.toSet());
        assertThat(zhKeys).isEqualTo(enKeys);
        for (DemoArticle a : articles) {
            Set<String> keys = a.language().equals("zh") ? zhKeys : enKeys;
            assertThat(keys).as(a.key() + " related").containsAll(a.related());
            assertThat(a.body()).as(a.key()).hasSizeGreaterThan(a.language().equals("zh") ? 150 : 400);
            assertThat(a.tags()).as(a.key()).isNotEmpty();
            if (a.language().equals("zh")) {
                assertThat(a.title()).as(a.key()).containsPattern("\\p{IsHan}");
            }
        }
        assertThat(articles).filteredOn(a -> a.kind().equals("video")).allSatisfy(a -> assertThat(a.videoUrl()).startsWith("https://"));
    }

    @Test
    void refusesFilesWithoutFrontMatter() {
        assertThatThrownBy(() -> ArticleFiles.parse("en/x.md", "# no front matter")).hasMessageContaining("front matter");
        assertThatThrownBy(() -> ArticleFiles.parse("en/x.md", "---\ntitle: t\n---\nbody")).hasMessageContaining("category");
    }
}
