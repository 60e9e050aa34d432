package org.rapport.store.internal;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway a fixed list of scripts, so Flyway never scans a class path or file system (which
 * does not work on OSGi bundle class loaders).
 */
final class ScriptResourceProvider implements ResourceProvider {

    private final String location;
    private final List<MigrationScript> scripts;

    ScriptResourceProvider(String location, List<MigrationScript> scripts) {
        this.location = location;
        this.scripts = List.copyOf(scripts);
    }

    @Override
    public LoadableResource getResource(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        for (MigrationScript script : scripts) {
            if (script.name().equals(fileName)) {
                return new ScriptResource(location, script);
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (MigrationScript script : scripts) {
            if (script.name().startsWith(prefix) && endsWithAny(script.name(), suffixes)) {
                found.add(new ScriptResource(location, script));
            }
        }
        return found;
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** One script as a Flyway resource. */
    private static final class ScriptResource extends LoadableResource {
        private final String location;
        private final MigrationScript script;

        ScriptResource(String location, MigrationScript script) {
            this.location = location;
            this.script = script;
        }

        @Override
        public Reader read() {
            return new StringReader(script.content().get());
        }

        @Override
        public String getAbsolutePath() {
            return location + "/" + script.name();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return script.name();
        }

        @Override
        public String getRelativePath() {
            return script.name();
        }
    }
}
