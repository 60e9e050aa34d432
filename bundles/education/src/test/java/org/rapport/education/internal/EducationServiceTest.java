package org.rapport.education.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.education.Article;
import org.rapport.education.ArticleInput;
import org.rapport.education.ArticlePage;
import org.rapport.education.ArticleQuery;
import org.rapport.education.EducationEvents;
import org.rapport.education.InvalidArticleException;
import org.rapport.education.NoSuchArticleException;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.testing.TestDb;

/** The education library against the real schema on H2 and PostgreSQL. */
class EducationServiceTest {
    private static final Principal EDITOR = new Principal(3, "lin", "Lin Yue", Set.of(Role.MANAGER), Principal.Kind.SESSION, null,
            Set.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private TestDb db;
    private EducationService education;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__education.sql");
        education = new EducationService(db.store(), CLOCK, "https://care.example.com/");
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static ArticleInput refunds() {
        return ArticleInput.of("  How refunds   work ", "# Refunds\n\nA **refund** takes 3 days.", "EN", "fees", List.of("refund", "fees", "refund"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createsDraftsVersionsAndPublishes(String kind) throws Exception {
        open(kind);
        Article created = education.create(refunds(), EDITOR);
        assertThat(created.title()).isEqualTo("How refunds work");
        assertThat(created.language()).isEqualTo("en");
        assertThat(created.tags()).containsExactly("refund", "fees");
        assertThat(created.state()).isEqualTo(Article.DRAFT);
        assertThat(created.version()).isEqualTo(1);
        assertThat(education.recordView(created.id())).as("drafts are not counted").isZero();

        Article other = education.create(ArticleInput.of("退订说明", "如何**退订**短信通知。", "zh", "安全提示", List.of()), EDITOR);
        Article changed = education.update(created.id(), new ArticleInput("How refunds work", "A refund takes 2 days.", "en", "fees",
                List.of("refund"), "guide", null, List.of(other.id())), EDITOR);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.kind()).isEqualTo("guide");
        assertThat(changed.related()).containsExactly(other.id());
        assertThat(education.update(created.id(), ArticleInput.of(changed), EDITOR).version()).as("no change, no version").isEqualTo(2);
        assertThat(education.versions(created.id())).extracting(v -> v.version()).containsExactly(2, 1);
        assertThat(education.version(created.id(), 1).orElseThrow().body()).contains("3 days");
        assertThat(education.version(created.id(), 1).orElseThrow().authorName()).isEqualTo("Lin Yue");

        Article published = education.publish(created.id(), EDITOR);
        assertThat(published.published()).isTrue();
        assertThat(published.publishedAt()).isEqualTo(CLOCK.instant());
        assertThat(education.recordView(created.id())).isEqualTo(1);
        assertThat(education.recordView(created.id())).isEqualTo(2);
        assertThat(education.unpublish(created.id(), EDITOR).state()).isEqualTo(Article.DRAFT);

        assertThat(db.events()).extracting(TestDb.Emitted::topic).containsExactly(EducationEvents.ARTICLE_CREATED,
                EducationEvents.ARTICLE_CREATED, EducationEvents.ARTICLE_UPDATED, EducationEvents.ARTICLE_PUBLISHED,
                EducationEvents.ARTICLE_UNPUBLISHED);
        assertThat(db.events().get(0).properties()).containsEntry(EducationEvents.LANGUAGE, "en");
        assertThat(education.publicUrl(created.id())).isEqualTo("https://care.example.com/kb/articles/" + created.id());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void listsFiltersAndDeletes(String kind) throws Exception {
        open(kind);
        Article en = education.create(refunds(), EDITOR);
        Article zh = education.create(ArticleInput.of("网银转账限额", "单笔限额 **500 万元**。", "zh", "转账", List.of("限额")), EDITOR);
        education.publish(zh.id(), EDITOR);
        Article linking = education.create(new ArticleInput("Limits", "See the limits.", "en", "transfers", List.of(), null, null,
                List.of(zh.id())), EDITOR);

        ArticlePage zhOnly = education.list(new ArticleQuery("zh", null, null, null, null, 1, 10));
        assertThat(zhOnly.total()).isEqualTo(1);
        assertThat(zhOnly.items().get(0).excerpt()).isEqualTo("单笔限额 500 万元。");
        assertThat(education.list(new ArticleQuery(null, "published", null, null, null, 1, 10)).items()).extracting(a -> a.id())
                .containsExactly(zh.id());
        assertThat(education.list(new ArticleQuery(null, null, null, "REFUND", "title", 1, 10)).items()).extracting(a -> a.id())
                .containsExactly(en.id());
        assertThat(education.list(new ArticleQuery(null, null, null, "100%_!", null, 1, 10)).total()).isZero();
        assertThat(education.categories(null, null)).containsEntry("fees", 1L).containsEntry("转账", 1L);
        assertThat(education.articles(List.of(en.id(), zh.id(), 999_999L))).hasSize(2);

        db.clearEvents();
        education.delete(zh.id(), EDITOR);
        assertThat(education.article(zh.id())).isEmpty();
        assertThat(education.article(linking.id()).orElseThrow().related()).isEmpty();
        assertThat(db.events()).extracting(TestDb.Emitted::topic).containsExactly(EducationEvents.ARTICLE_DELETED,
                EducationEvents.ARTICLE_UPDATED);
        assertThatThrownBy(() -> education.delete(zh.id(), EDITOR)).isInstanceOf(NoSuchArticleException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesBadInputByField(String kind) throws Exception {
        open(kind);
        assertThatThrownBy(() -> education.create(new ArticleInput(" ", "", "fr", "x".repeat(65), List.of("a|b"), "podcast",
                "javascript:alert(1)", List.of(-1L)), EDITOR))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.fields()).containsOnlyKeys("title", "body",
                        "language", "category", "tags", "kind", "videoUrl", "related"));
        assertThatThrownBy(() -> education.create(new ArticleInput("Video", "Watch", "en", "training", List.of(), "video", null, null),
                EDITOR)).isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.fields()).containsOnlyKeys("videoUrl"));
        assertThatThrownBy(() -> education.create(new ArticleInput("T", "B", "en", "c", List.of(), null, null, List.of(424242L)), EDITOR))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.fields()).containsKey("related"));
        assertThatThrownBy(() -> education.list(new ArticleQuery(null, null, null, null, "body", 1, 10)))
                .isInstanceOf(InvalidArticleException.class);
        assertThatThrownBy(() -> education.update(77, refunds(), EDITOR)).isInstanceOf(NoSuchArticleException.class);
    }
}
