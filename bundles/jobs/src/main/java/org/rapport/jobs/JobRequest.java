package org.rapport.jobs;

/**
 * What a job is and who submitted it.
 *
 * @param type a short machine name, e.g. {@code "clients.import"}
 * @param title a human title, e.g. the file name being imported
 * @param ownerId the submitting staff user's id ({@code 0} for the system)
 * @param ownerName the submitting user's name, for display
 * @since 0.1
 */
public record JobRequest(String type, String title, long ownerId, String ownerName) {

    public JobRequest {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("A job needs a type");
        }
        title = title == null ? type : title;
        ownerName = ownerName == null ? "" : ownerName;
    }
}
