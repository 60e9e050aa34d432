package org.rapport.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.education.Article;
import org.rapport.education.ArticleInput;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.records.Interaction;
import org.rapport.records.InteractionInput;
import org.rapport.search.SearchHit;
import org.rapport.search.SearchRequest;
import org.rapport.search.SearchResult;
import org.rapport.search.SearchTypes;
import org.rapport.search.internal.index.Indexing;
import org.rapport.search.internal.index.SearchIndex;
import org.rapport.search.internal.query.SearchEngine;
import org.rapport.security.Principal;
import org.rapport.testing.TestDb;

/** The index fed from the real records and education services on H2 and PostgreSQL, searched as different roles. */
class IndexingTest {
    /** An agent's view: contact phones and emails masked and not searchable (as the field policy's defaults say). */
    private static final SearchEngine.Viewer AGENT = new SearchEngine.Viewer(
            (entity, field) -> !(entity.equals("contact") && (field.equals("phones") || field.equals("emails"))),
            value -> value.isEmpty() ? value : value.charAt(0) + "****");

    @TempDir
    Path dir;
    private Sources sources;
    private SearchIndex index;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (index != null) {
            index.close();
        }
        if (sources != null) {
            sources.close();
        }
    }

    private Indexing open(String kind) throws Exception {
        sources = Sources.open(kind);
        index = new SearchIndex(dir.resolve("index"), 50, 60);
        return new Indexing(index, () -> sources.records, () -> sources.education);
    }

    private SearchResult search(String text, SearchEngine.Viewer viewer, String... types) {
        return new SearchEngine(index).search(new SearchRequest(text, Set.of(types), Map.of(), 1, 20), viewer);
    }

    private static List<String> titles(SearchResult result) {
        return result.items().stream().map(SearchHit::title).toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void findsMixedChineseAndEnglishAndIdentifiers(String kind) throws Exception {
        Indexing indexing = open(kind);
        var records = sources.records;
        Client acme = records.createClient(new ClientInput("Acme Trading Co., Ltd.", "91310000MA1FL8T47X", "trading", "shanghai",
                null, 80, List.of("export"), null, null), Principal.SYSTEM);
        Client hengrui = records.createClient(new ClientInput("上海恒瑞精密机械有限公司", null, "manufacturing", "shanghai", null, 300,
                List.of("外贸"), null, null), Principal.SYSTEM);
        Contact zhang = records.addContact(acme.id(), new ContactInput("张伟", "财务总监", List.of("zhang.wei@acme.com"),
                List.of("+86 138 1234 5678"), "email", "zh", null), Principal.SYSTEM);
        Interaction optOut = records.addInteraction(hengrui.id(), new InteractionInput(null, "sms", "inbound", null,
                "客户回复退订，要求不再接收营销短信", null, null, null, null), Principal.SYSTEM);
        Interaction parcel = records.addInteraction(acme.id(), new InteractionInput(null, "email", "outbound", null,
                "New security token sent by courier, tracking SF1234567890", null, 7L, "Li Na", null), Principal.SYSTEM);
        Article refunds = sources.education.create(ArticleInput.of("Refund policy for bank charges",
                "If a fee was charged by mistake we refund it within five working days.", "en", "Fees", List.of("refund")),
                Principal.SYSTEM);
        Article optOutArticle = sources.education.create(ArticleInput.of("如何退订营销短信", "回复 **退订** 即可。", "zh", "客户服务",
                List.of("退订")), Principal.SYSTEM);

        indexing.clients(List.of(acme.id(), hengrui.id()));
        indexing.interactions(List.of(optOut.id(), parcel.id()));
        indexing.articles(List.of(refunds.id(), optOutArticle.id()));
        index.refresh();

        SearchResult tuiding = search("退订", SearchEngine.Viewer.ALL);
        assertThat(tuiding.items()).extracting(SearchHit::type, SearchHit::id).contains(
                org.assertj.core.groups.Tuple.tuple(SearchTypes.INTERACTION, optOut.id()),
                org.assertj.core.groups.Tuple.tuple(SearchTypes.ARTICLE, optOutArticle.id()));
        SearchHit interaction = tuiding.items().stream().filter(h -> h.type().equals(SearchTypes.INTERACTION)).findFirst().orElseThrow();
        assertThat(interaction.subtitle()).contains("上海恒瑞精密机械有限公司");
        var highlight = interaction.highlights().get(0);
        assertThat(highlight.text().substring(highlight.matches().get(0).start(), highlight.matches().get(0).end())).isEqualTo("退订");

        assertThat(titles(search("refund policy", SearchEngine.Viewer.ALL))).containsExactly("Refund policy for bank charges");
        assertThat(titles(search("refunds", SearchEngine.Viewer.ALL))).as("stemmed").contains("Refund policy for bank charges");
        assertThat(search("acme.com", SearchEngine.Viewer.ALL).items()).extracting(SearchHit::id).contains(zhang.id());
        assertThat(search("zhang.wei@acme.com", SearchEngine.Viewer.ALL).items().get(0).id()).isEqualTo(zhang.id());
        assertThat(search("SF1234567890", SearchEngine.Viewer.ALL).items()).extracting(SearchHit::id).containsExactly(parcel.id());
        assertThat(search("恒瑞精密", SearchEngine.Viewer.ALL, SearchTypes.CLIENT).items()).extracting(SearchHit::id)
                .containsExactly(hengrui.id());
        assertThat(search("91310000MA1FL8T47X", SearchEngine.Viewer.ALL).items()).extracting(SearchHit::id).contains(acme.id());
        assertThat(search("138-1234-5678", SearchEngine.Viewer.ALL).items()).extracting(SearchHit::id).containsExactly(zhang.id());

        SearchResult all = search("", SearchEngine.Viewer.ALL);
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.facets().get("type")).containsEntry("client", 2L).containsEntry("contact", 1L)
                .containsEntry("interaction", 2L).containsEntry("article", 2L);
        assertThat(all.facets().get("region")).containsEntry("shanghai", 3L);
        assertThat(new SearchEngine(index).search(new SearchRequest("", Set.of(), Map.of("industry", Set.of("Trading")), 1, 20),
                SearchEngine.Viewer.ALL).total()).as("Acme and its contact").isEqualTo(2);

        // an agent may not see contact phones and emails: not matched, and masked where shown
        assertThat(search("138-1234-5678", AGENT).items()).isEmpty();
        assertThat(search("zhang.wei@acme.com", AGENT).items()).extracting(SearchHit::type).doesNotContain(SearchTypes.CONTACT);
        SearchHit masked = search("张伟", AGENT).items().get(0);
        assertThat(masked.subtitle()).contains("财务总监").doesNotContain("zhang.wei@acme.com", "13812345678", "5678");
        assertThat(masked.highlights()).extracting(h -> h.field()).doesNotContain("contact.phones", "contact.emails");

        for (String hostile : List.of("AND (", "*", "\"", ":", "\\", "title:(a OR b)~2^3", "\u0000\u0007", "𠀀😀", "+-&&||!(){}[]^\"~*?:\\/")) {
            assertThat(search(hostile, SearchEngine.Viewer.ALL)).as(hostile).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void changesAndDeletionsReachTheIndexAndARebuildRestoresALostIndex(String kind) throws Exception {
        Indexing indexing = open(kind);
        var records = sources.records;
        Client client = records.createClient(new ClientInput("Northwind Logistics", null, "logistics", "london", null, null, null, null,
                null), Principal.SYSTEM);
        Contact contact = records.addContact(client.id(), new ContactInput("Mary Jones", null, List.of("mary@northwind.example.com"),
                List.of(), null, "en", null), Principal.SYSTEM);
        Article article = sources.education.create(ArticleInput.of("Cash pooling", "Sweep balances daily.", "en", "Cash", List.of()),
                Principal.SYSTEM);
        indexing.clients(List.of(client.id()));
        indexing.articles(List.of(article.id()));
        index.refresh();
        assertThat(search("northwind", SearchEngine.Viewer.ALL).total()).isEqualTo(2);

        records.updateClient(client.id(), new ClientInput("Southwind Shipping", null, "logistics", "london", null, null, null, null, null),
                Principal.SYSTEM);
        records.deleteContact(contact.id(), Principal.SYSTEM);
        sources.education.publish(article.id(), Principal.SYSTEM);
        indexing.clients(List.of(client.id()));
        indexing.articles(List.of(article.id()));
        index.refresh();
        assertThat(titles(search("southwind", SearchEngine.Viewer.ALL))).containsExactly("Southwind Shipping");
        assertThat(search("Mary Jones", SearchEngine.Viewer.ALL).total()).isZero();
        assertThat(search("pooling", SearchEngine.Viewer.ALL).items().get(0).attributes()).containsEntry("state", "published");

        Interaction call = records.addInteraction(client.id(), new InteractionInput(null, "phone", "inbound", null,
                "Asked about the wombat account", null, null, null, java.time.Instant.parse("2020-01-01T00:00:00Z")), Principal.SYSTEM);
        indexing.interactions(List.of(call.id()));
        index.refresh();
        assertThat(search("wombat", SearchEngine.Viewer.ALL).items()).extracting(SearchHit::id).containsExactly(call.id());
        records.removeInteractions(java.time.Instant.parse("2021-01-01T00:00:00Z"), false, Principal.SYSTEM);
        indexing.timeline(client.id());
        index.refresh();
        assertThat(search("wombat", SearchEngine.Viewer.ALL).total()).as("removed by retention").isZero();

        sources.education.delete(article.id(), Principal.SYSTEM);
        indexing.articles(List.of(article.id()));
        index.refresh();
        assertThat(search("pooling", SearchEngine.Viewer.ALL).total()).isZero();

        // the index directory is lost: a new index knows it must be built, and the rebuild brings everything back
        index.close();
        deleteTree(dir.resolve("index"));
        index = new SearchIndex(dir.resolve("index"), 50, 60);
        assertThat(index.needsRebuild()).isTrue();
        Indexing fresh = new Indexing(index, () -> sources.records, () -> sources.education);
        assertThat(fresh.rebuild(n -> { }, () -> false)).isEqualTo(1);
        assertThat(titles(search("southwind", SearchEngine.Viewer.ALL))).containsExactly("Southwind Shipping");
        index.close();
        index = new SearchIndex(dir.resolve("index"), 50, 60);
        assertThat(index.needsRebuild()).as("a finished rebuild is remembered").isFalse();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCorruptIndexIsMovedAsideAndRebuilt(String kind) throws Exception {
        Indexing indexing = open(kind);
        Client client = sources.records.createClient(new ClientInput("Corrupt Test GmbH", null, null, "frankfurt", null, null, null, null,
                null), Principal.SYSTEM);
        indexing.rebuild(n -> { }, () -> false);
        index.close();
        try (var files = Files.list(dir.resolve("index"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        index = new SearchIndex(dir.resolve("index"), 50, 60);
        assertThat(index.needsRebuild()).isTrue();
        assertThat(Files.exists(dir.resolve("index.broken"))).isTrue();
        new Indexing(index, () -> sources.records, () -> sources.education).rebuild(n -> { }, () -> false);
        assertThat(search("corrupt", SearchEngine.Viewer.ALL).items()).extracting(SearchHit::id).containsExactly(client.id());
    }

    private static void deleteTree(Path path) throws IOException {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
