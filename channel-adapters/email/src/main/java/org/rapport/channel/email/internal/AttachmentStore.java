package org.rapport.channel.email.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rapport.conversations.channel.Attachment;

/**
 * Keeps attachments of inbound mail as files under {@code <data>/email/attachments/<mailbox>/<date>/},
 * each in a folder of its own with a sanitised name, so a name from a mail can never point elsewhere.
 * An attachment's {@code location} is its path relative to the data directory
 * ({@code email/attachments/...}), where the conversations bundle finds it again for a contact's
 * export and erasure.
 */
final class AttachmentStore {

    /** The folder under the data directory that holds the files. */
    static final Path FOLDER = Path.of("email", "attachments");

    private final Path dataDir;
    private final Path root;

    AttachmentStore(Path dataDir) {
        this.dataDir = dataDir;
        this.root = dataDir.resolve(FOLDER);
    }

    List<Attachment> keep(String account, List<ParsedMail.Part> parts) throws IOException {
        List<Attachment> kept = new ArrayList<>();
        for (ParsedMail.Part p : parts) {
            if (p.content() == null) {
                kept.add(new Attachment(p.name(), p.contentType(), p.size(), null, p.note()));
                continue;
            }
            Path dir = root.resolve(MailParser.safeName(account)).resolve(LocalDate.now(ZoneOffset.UTC).toString())
                    .resolve(UUID.randomUUID().toString());
            Files.createDirectories(dir);
            Path file = dir.resolve(MailParser.safeName(p.name()));
            if (!file.normalize().startsWith(dir)) {
                file = dir.resolve("attachment");
            }
            Files.write(file, p.content());
            kept.add(new Attachment(p.name(), p.contentType(), p.size(), dataDir.relativize(file).toString().replace('\\', '/'), null));
        }
        return kept;
    }
}
