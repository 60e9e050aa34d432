package org.rapport.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the store (PID {@code org.rapport.store}). */
@ObjectClassDefinition(
        id = StoreComponent.PID,
        name = "Rapport Store",
        description = "The platform database: connection, pool and event outbox settings.")
public @interface StoreConfig {

    @AttributeDefinition(
            name = "Database type",
            options = {
                @Option(label = "H2 (embedded file database)", value = StoreSettings.H2),
                @Option(label = "PostgreSQL", value = StoreSettings.POSTGRESQL)
            })
    String type() default StoreSettings.H2;

    @AttributeDefinition(
            name = "JDBC URL",
            description = "Empty: for h2 a file database at ${rapport.data}/db/rapport, for postgresql "
                    + "jdbc:postgresql://localhost:5432/rapport.",
            required = false)
    String url() default "";

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Pool size", description = "Maximum pooled connections.", min = "1")
    int poolSize() default 10;

    @AttributeDefinition(
            name = "Connection timeout (ms)",
            description = "How long a caller waits for a pooled connection.",
            min = "250")
    long connectionTimeoutMs() default 30_000;

    @AttributeDefinition(
            name = "Event republish interval (s)",
            description = "How often stored events not yet published are posted again.",
            min = "1")
    int republishIntervalSeconds() default 30;

    @AttributeDefinition(
            name = "Event retention (days)",
            description = "Published events older than this are deleted from the outbox table.",
            min = "1")
    int eventRetentionDays() default 7;
}
