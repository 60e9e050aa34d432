package org.rapport.demo.internal;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rapport.demo.internal.articles.ArticleFiles;
import org.rapport.demo.internal.articles.DemoArticle;
import org.rapport.demo.internal.articles.LibraryLoader;
import org.rapport.education.Education;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode, fills an empty education library with the demo articles (40 topics of a
 * corporate bank's help centre, in Chinese and English), on its own thread, through the education
 * service. Present only while the education library is.
 */
@Component(immediate = true)
public final class DemoLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLibrary.class);

    private final Thread thread;
    private volatile boolean stopping;

    @Activate
    public DemoLibrary(@Reference Education education, BundleContext context) {
        if (!"true".equalsIgnoreCase(context.getProperty(DemoLoader.DEMO_PROPERTY))) {
            this.thread = null;
            return;
        }
        LibraryLoader loader = new LibraryLoader(education, () -> stopping);
        this.thread = new Thread(() -> run(loader, context), "rapport-demo-library");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(LibraryLoader loader, BundleContext context) {
        long start = System.nanoTime();
        try {
            long existing = loader.existing();
            if (existing > 0) {
                LOG.info("Demo library already present ({} articles)", existing);
                return;
            }
            List<DemoArticle> articles = ArticleFiles.load(path -> {
                var url = context.getBundle().getEntry(path);
                try {
                    return url == null ? null : url.openStream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            int written = loader.load(articles);
            LOG.info("Demo library loaded: {} articles in {} ms", written, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Demo library failed to load: {}", e.getClass().getSimpleName());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(5000);
        }
    }
}
