package org.rapport.store.internal;

import org.rapport.store.SchemaReady;

/** The SchemaReady service object of one migrated bundle. */
record SchemaReadyImpl(String bundle, String schemaVersion) implements SchemaReady {}
