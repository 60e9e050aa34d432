package org.rapport.education.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.education.Article;
import org.rapport.education.ArticleInput;
import org.rapport.education.ArticlePage;
import org.rapport.education.ArticleQuery;
import org.rapport.education.ArticleVersion;
import org.rapport.education.Education;
import org.rapport.education.EducationEvents;
import org.rapport.education.InvalidArticleException;
import org.rapport.education.NoSuchArticleException;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.rapport.store.Tx;

/** The {@link Education} service over the education bundle's tables. */
@Component(service = Education.class)
public final class EducationService implements Education {
    /** Framework property: the address clients reach the server at. */
    static final String PUBLIC_URL_PROPERTY = "rapport.public.url";
    private static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

    private final Store store;
    private final Clock clock;
    private final String publicUrl;

    @Activate
    public EducationService(@Reference Store store,
            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.education)") SchemaReady schema, BundleContext context) {
        this(store, Clock.systemUTC(), context.getProperty(PUBLIC_URL_PROPERTY));
    }

    EducationService(Store store, Clock clock, String publicUrl) {
        this.store = store;
        this.clock = clock;
        String base = publicUrl == null || publicUrl.isBlank() ? DEFAULT_PUBLIC_URL : publicUrl.strip();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private Instant now() {
        return clock.instant();
    }

    @Override
    public Article create(ArticleInput input, Principal actor) {
        ArticleInput valid = Validation.article(input, 0);
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            requireRelated(h, valid.related());
            long id = ArticleRepository.insert(h, valid, actor.userId(), now());
            ArticleRepository.saveRelated(h, id, valid.related());
            ArticleRepository.insertVersion(h, id, 1, valid, actor.userId(), actor.displayName(), now());
            emit(tx, EducationEvents.ARTICLE_CREATED, id, valid.language(), actor);
            return ArticleRepository.byId(h, id).orElseThrow();
        });
    }

    @Override
    public Article update(long id, ArticleInput input, Principal actor) {
        ArticleInput valid = Validation.article(input, id);
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            Article before = require(h, id);
            if (ArticleInput.of(before).equals(valid)) {
                return before;
            }
            requireRelated(h, valid.related());
            int version = before.version() + 1;
            ArticleRepository.update(h, id, valid, version, now());
            ArticleRepository.saveRelated(h, id, valid.related());
            ArticleRepository.insertVersion(h, id, version, valid, actor.userId(), actor.displayName(), now());
            emit(tx, EducationEvents.ARTICLE_UPDATED, id, valid.language(), actor);
            return ArticleRepository.byId(h, id).orElseThrow();
        });
    }

    @Override
    public Article publish(long id, Principal actor) {
        return setState(id, Article.PUBLISHED, EducationEvents.ARTICLE_PUBLISHED, actor);
    }

    @Override
    public Article unpublish(long id, Principal actor) {
        return setState(id, Article.DRAFT, EducationEvents.ARTICLE_UNPUBLISHED, actor);
    }

    private Article setState(long id, String state, String topic, Principal actor) {
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            Article before = require(h, id);
            if (before.state().equals(state)) {
                return before;
            }
            ArticleRepository.setState(h, id, state, now());
            emit(tx, topic, id, before.language(), actor);
            return ArticleRepository.byId(h, id).orElseThrow();
        });
    }

    @Override
    public void delete(long id, Principal actor) {
        store.inTransaction(tx -> {
            Handle h = tx.handle();
            Article before = require(h, id);
            List<Long> linking = ArticleRepository.linkingTo(h, id);
            ArticleRepository.delete(h, id);
            emit(tx, EducationEvents.ARTICLE_DELETED, id, before.language(), actor);
            for (long other : linking) {
                if (other != id) {
                    ArticleRepository.byId(h, other).ifPresent(a -> emit(tx, EducationEvents.ARTICLE_UPDATED, other, a.language(), actor));
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Article> article(long id) {
        return store.jdbi().withHandle(h -> ArticleRepository.byId(h, id));
    }

    @Override
    public List<Article> articles(Collection<Long> ids) {
        if (ids.size() > 1000) {
            throw new InvalidArticleException("ids", "at most 1000 at once");
        }
        return store.jdbi().withHandle(h -> ArticleRepository.byIds(h, ids));
    }

    @Override
    public ArticlePage list(ArticleQuery query) {
        return store.jdbi().withHandle(h -> ArticleRepository.list(h, query));
    }

    @Override
    public Map<String, Long> categories(String language, String state) {
        return store.jdbi().withHandle(h -> ArticleRepository.categories(h, language, state));
    }

    @Override
    public List<ArticleVersion> versions(long id) {
        return store.jdbi().withHandle(h -> {
            require(h, id);
            return ArticleRepository.versions(h, id);
        });
    }

    @Override
    public Optional<ArticleVersion> version(long id, int version) {
        return store.jdbi().withHandle(h -> ArticleRepository.version(h, id, version));
    }

    @Override
    public long recordView(long id) {
        return store.jdbi().inTransaction(h -> ArticleRepository.incrementViews(h, id));
    }

    @Override
    public String render(String markdown) {
        return MarkdownRenderer.html(markdown);
    }

    @Override
    public String publicUrl(long id) {
        return publicUrl + PUBLIC_PATH + id;
    }

    private static Article require(Handle h, long id) {
        return ArticleRepository.byId(h, id).orElseThrow(() -> new NoSuchArticleException(id));
    }

    private static void requireRelated(Handle h, List<Long> related) {
        if (related.isEmpty()) {
            return;
        }
        List<Long> missing = new ArrayList<>(related);
        missing.removeAll(ArticleRepository.existing(h, related));
        if (!missing.isEmpty()) {
            throw new InvalidArticleException("related", "no such article: " + missing);
        }
    }

    private static void emit(Tx tx, String topic, long id, String language, Principal actor) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(EducationEvents.ARTICLE_ID, id);
        props.put(EducationEvents.LANGUAGE, language);
        props.put(EducationEvents.ACTOR_ID, actor.userId());
        tx.emit(topic, props);
    }
}
