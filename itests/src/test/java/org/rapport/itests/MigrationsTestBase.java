package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Schema migrations on a real database: a feature bundle deployed while the server runs gets its
 * tables from its own scripts (one history table per bundle), and its component writes to them.
 */
public abstract class MigrationsTestBase extends RapportTestSupport {

    @Test
    public void bundleDeployedLaterIsMigratedAndUsesItsTables() throws Exception {
        awaitHealthUp();
        HotDeployIT.copyAtomically(fixture("org.rapport.itest.hello.jar"), dataDir().resolve("deploy/hello.jar"));

        ServiceTracker<Object, Object> schema = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=org.rapport.store.SchemaReady)(bundle=org.rapport.itest.hello))"), null);
        schema.open();
        try {
            assertNotNull("SchemaReady for the hello bundle", schema.waitForService(TIMEOUT.toMillis()));
            ServiceReference<Object> ref = schema.getServiceReference();
            assertEquals("1", String.valueOf(ref.getProperty("schema.version")));
        } finally {
            schema.close();
        }
        await("/hello counts visits in its table", TIMEOUT, () -> json(get("/hello?visitor=a")).has("visits"));
        long first = json(get("/hello?visitor=b")).path("visits").asLong();
        long second = json(get("/hello?visitor=c")).path("visits").asLong();
        assertEquals(first + 1, second);
        assertTrue(first >= 2);
        assertEquals("UP", json(get("/health")).path("status").asText());
    }

    static Path fixtures() {
        return Path.of(System.getProperty("rapport.fixtures"));
    }
}
