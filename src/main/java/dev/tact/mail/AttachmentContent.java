package dev.tact.mail;

/** An attachment with its bytes. */
public record AttachmentContent(StoredAttachment attachment, byte[] content) {}
