package org.rapport.education.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.education.Article;
import org.rapport.education.ArticleInput;
import org.rapport.education.ArticlePage;
import org.rapport.education.ArticleQuery;
import org.rapport.education.Education;
import org.rapport.education.NoSuchArticleException;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/**
 * REST for the education library: {@code /api/v1/articles[/{id}[/publish|unpublish|versions[/{n}]]]},
 * {@code /api/v1/articles/categories} and {@code /api/v1/articles/preview}.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=admin,manager",
    Access.SCOPE + "=articles"})
@HttpWhiteboardServletPattern({"/api/v1/articles", "/api/v1/articles/*"})
public final class ArticlesServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 1024 * 1024;

    private final transient Education education;

    @Activate
    public ArticlesServlet(@Reference Education education) {
        this.education = education;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        if (path.length == 0) {
            writeJson(resp, 200, list(req));
            return;
        }
        if (path.length == 1 && path[0].equals("categories")) {
            writeJson(resp, 200, Map.of("counts", education.categories(Params.language(req), Params.state(req))));
            return;
        }
        long id = Params.id(path[0]);
        if (path.length == 1) {
            writeJson(resp, 200, withLinks(education.article(id).orElseThrow(() -> new NoSuchArticleException(id))));
            return;
        }
        if (path[1].equals("versions") && path.length == 2) {
            writeJson(resp, 200, Map.of("items", education.versions(id)));
            return;
        }
        if (path[1].equals("versions") && path.length == 3) {
            int number = (int) Math.min(Integer.MAX_VALUE, Params.id(path[2]));
            writeJson(resp, 200, education.version(id, number)
                    .orElseThrow(() -> ApiException.notFound("No version " + number + " of article " + id)));
            return;
        }
        throw ApiException.notFound("No resource '" + Params.cut(String.join("/", path)) + "' under the articles");
    }

    private Map<String, Object> list(HttpServletRequest req) {
        ArticleQuery query = new ArticleQuery(Params.language(req), Params.state(req), Params.text(req, "category"),
                Params.text(req, "q"), Params.text(req, "sort"), Params.integer(req, "page", 1), Params.integer(req, "size", 50));
        ArticlePage page = education.list(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("total", page.total());
        body.put("page", query.page());
        body.put("size", query.size());
        return body;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        Principal actor = Params.principal(req);
        if (path.length == 0) {
            Article created = education.create(readJson(req, ArticleInput.class, MAX_BODY), actor);
            resp.setHeader("Location", "/api/v1/articles/" + created.id());
            writeJson(resp, 201, withLinks(created));
            return;
        }
        if (path.length == 1 && path[0].equals("preview")) {
            PreviewBody body = readJson(req, PreviewBody.class, MAX_BODY);
            writeJson(resp, 200, Map.of("html", education.render(body.body() == null ? "" : body.body())));
            return;
        }
        long id = Params.id(path[0]);
        if (path.length == 2 && path[1].equals("publish")) {
            writeJson(resp, 200, withLinks(education.publish(id, actor)));
        } else if (path.length == 2 && path[1].equals("unpublish")) {
            writeJson(resp, 200, withLinks(education.unpublish(id, actor)));
        } else {
            throw ApiException.notFound("No action '" + Params.cut(String.join("/", path)) + "' on an article");
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        if (path.length != 1) {
            throw ApiException.notFound("PUT an article at /api/v1/articles/{id}");
        }
        long id = Params.id(path[0]);
        writeJson(resp, 200, withLinks(education.update(id, readJson(req, ArticleInput.class, MAX_BODY), Params.principal(req))));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        if (path.length != 1) {
            throw ApiException.notFound("DELETE an article at /api/v1/articles/{id}");
        }
        education.delete(Params.id(path[0]), Params.principal(req));
        resp.setStatus(204);
    }

    /** The article with its rendered body and public URL. */
    private Map<String, Object> withLinks(Article article) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new LinkedHashMap<>(org.rapport.web.Json.mapper().convertValue(article, Map.class));
        fields.put("html", education.render(article.body()));
        fields.put("publicUrl", education.publicUrl(article.id()));
        return fields;
    }

    /** The body of a preview request. */
    record PreviewBody(String body) {
        PreviewBody {
            body = body == null ? "" : body;
        }
    }
}
