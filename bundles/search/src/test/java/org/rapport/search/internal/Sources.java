package org.rapport.search.internal;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.osgi.framework.BundleContext;
import org.rapport.education.Education;
import org.rapport.education.internal.EducationService;
import org.rapport.records.Records;
import org.rapport.records.internal.RecordsService;
import org.rapport.testing.TestDb;

/** The real records and education services over a throwaway database, built through their activation constructors. */
final class Sources implements AutoCloseable {
    final TestDb db;
    final Records records;
    final Education education;

    private Sources(TestDb db) {
        this.db = db;
        this.records = new RecordsService(db.store(), TestDb.schemaReady("org.rapport.records"));
        this.education = new EducationService(db.store(), TestDb.schemaReady("org.rapport.education"), context());
    }

    static Sources open(String kind) throws SQLException {
        return new Sources(TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V2__contact_point_lookup.sql",
                "db/migration/V1__education.sql"));
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    /** A bundle context that knows the public URL and nothing else. */
    private static BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getProperty") && "rapport.public.url".equals(args[0])
                        ? "https://care.example.com" : null);
    }
}
