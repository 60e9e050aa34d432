package org.rapport.runtime;

import java.nio.file.Path;

/** A bundle jar of the distribution and the start level it starts at. */
public record BundleSpec(Path jar, int startLevel) {
}
