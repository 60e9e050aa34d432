package org.rapport.search.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.search.IndexStatus;
import org.rapport.search.SearchRequest;
import org.rapport.search.SearchResult;
import org.rapport.search.SearchService;
import org.rapport.search.internal.query.SearchEngine;
import org.rapport.security.FieldPolicy;
import org.rapport.security.Principal;

/** The {@link SearchService}: the engine over the index, with the caller's field visibility from the {@link FieldPolicy}. */
@Component(service = SearchService.class)
public final class SearchServiceImpl implements SearchService {
    private final IndexComponent index;
    private final IndexFeeder feeder;
    private final FieldPolicy policy;
    private final SearchEngine engine;

    @Activate
    public SearchServiceImpl(@Reference IndexComponent index, @Reference IndexFeeder feeder, @Reference FieldPolicy policy) {
        this.index = index;
        this.feeder = feeder;
        this.policy = policy;
        this.engine = new SearchEngine(index.index());
    }

    @Override
    public SearchResult search(SearchRequest request, Principal caller) {
        SearchEngine.Viewer viewer = new SearchEngine.Viewer((entity, field) -> policy.visible(caller, entity, field), policy::mask);
        return engine.search(request, viewer);
    }

    @Override
    public IndexStatus status() {
        String state = feeder.rebuilding() ? "rebuilding" : "ready";
        return new IndexStatus(index.index().counts(), state, feeder.pending(), feeder.lastRebuild(), feeder.rebuildProgress());
    }
}
