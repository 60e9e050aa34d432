package org.rapport.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.search.internal.index.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the search index on disk for the other components of this bundle and closes it (committing) when stopped. */
@Component(service = IndexComponent.class, configurationPid = SearchConfig.PID)
@Designate(ocd = SearchConfig.class)
public final class IndexComponent {
    private static final Logger LOG = LoggerFactory.getLogger(IndexComponent.class);

    private final SearchIndex index;

    @Activate
    public IndexComponent(BundleContext context, SearchConfig config) throws IOException {
        this.index = new SearchIndex(directory(context, config), clamp(config.refreshMillis(), 50, 1000),
                clamp(config.commitSeconds(), 1, 300));
        LOG.info("Search index at {}{}", index.path(), index.needsRebuild() ? " (to be built from the database)" : "");
    }

    static Path directory(BundleContext context, SearchConfig config) {
        if (!config.directory().isBlank()) {
            return Paths.get(config.directory());
        }
        String data = context.getProperty("rapport.data");
        return Paths.get(data == null || data.isBlank() ? "data" : data, "search", "index");
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    public SearchIndex index() {
        return index;
    }

    @Deactivate
    void deactivate() throws IOException {
        index.close();
    }
}
