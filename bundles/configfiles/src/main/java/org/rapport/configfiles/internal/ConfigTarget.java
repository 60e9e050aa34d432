package org.rapport.configfiles.internal;

import java.io.IOException;
import java.util.Map;

/** Where merged configurations go: ConfigAdmin in the server, a map in tests. */
interface ConfigTarget {

    void apply(ConfigFileName name, Map<String, Object> values) throws IOException;

    void delete(ConfigFileName name) throws IOException;
}
