package dev.tact.mail;

import java.util.UUID;

/** An attachment's description; its content is fetched by {@link MailArchive#attachment}. */
public record StoredAttachment(UUID id, UUID messageId, String filename, String contentType, String contentId,
    boolean inline, long size, String sha256) {}
