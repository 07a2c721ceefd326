/**
 * Understanding of email as it arrives: a lenient, bounded MIME parser ({@link dev.tact.mail.MailParser}) that
 * turns raw RFC 5322 bytes into a {@link dev.tact.mail.ParsedMail} (decoded headers, best body text, HTML,
 * attachments, attached messages, delivery reports, automatic-mail classification), plus HTML helpers
 * ({@link dev.tact.mail.HtmlSanitizer}, {@link dev.tact.mail.HtmlText}). A pure library: it depends on nothing
 * in Tact but {@code shared}; intake calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail",
    allowedDependencies = {"shared"})
package dev.tact.mail;
