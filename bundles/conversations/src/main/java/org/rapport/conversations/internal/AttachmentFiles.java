package org.rapport.conversations.internal;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.rapport.conversations.channel.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files behind messages' attachments. A channel adapter keeps each file under the data
 * directory and gives its path relative to it as the attachment's location; this finds the file
 * again (for a contact's export) and deletes it (erasure, retention). A location that would lead
 * out of the data directory is ignored. Locations written before they were relative to the data
 * directory (relative to {@code email/attachments} or {@code webchat}) are found too.
 */
final class AttachmentFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentFiles.class);
    /** A file's folder is removed with it when empty and at least this deep below the data directory. */
    private static final int MIN_FOLDER_DEPTH = 3;

    private final Path dataDir;

    AttachmentFiles(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The file of an attachment of a message in {@code channel}, if it has one and it exists. */
    Optional<Path> find(String channel, Attachment attachment) {
        String location = attachment.location();
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        Optional<Path> file = under(dataDir, location);
        if (file.isEmpty()) {
            Path legacyRoot = switch (channel == null ? "" : channel) {
                case "email" -> dataDir.resolve("email").resolve("attachments");
                case "webchat" -> dataDir.resolve("webchat");
                default -> null;
            };
            file = legacyRoot == null ? Optional.empty() : under(legacyRoot, location);
        }
        return file;
    }

    private Optional<Path> under(Path root, String location) {
        Path file;
        try {
            file = root.resolve(location).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return file.startsWith(dataDir) && !file.equals(dataDir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Deletes the files (and their folders left empty); returns how many were deleted. Never throws. */
    int delete(Collection<Path> files) {
        int deleted = 0;
        for (Path file : files) {
            try {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
                Path folder = file.getParent();
                if (folder != null && dataDir.relativize(folder).getNameCount() >= MIN_FOLDER_DEPTH) {
                    Files.deleteIfExists(folder);
                }
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                // another attachment still lives in the folder, or someone else removed it
            } catch (IOException | RuntimeException e) {
                LOG.warn("An attachment file could not be deleted: {}", e.toString());
            }
        }
        return deleted;
    }
}
