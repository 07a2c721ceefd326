package dev.tact.mail;

import java.util.List;
import java.util.Optional;

/**
 * An email as an experienced agent reads it.
 *
 * @param parsed everything the MIME parser found
 * @param newText the new text of the message: quoted history and signature removed
 * @param fullText the whole text, as sent
 * @param forwarded the original message, when this one forwards it (inline or attached)
 * @param repliesTo the Message-IDs it answers, nearest first (In-Reply-To, then References newest first)
 * @param subjectNumber a conversation number written in the subject as {@code [#1234]}, or null
 * @param bouncedMessageId for a bounce, the Message-ID of the mail that could not be delivered, or null
 * @param authentication whether its From is authenticated, by the trusted host's Authentication-Results
 */
public record ReadMail(ParsedMail parsed, String newText, String fullText, Optional<ForwardedMessage> forwarded,
    List<String> repliesTo, Long subjectNumber, String bouncedMessageId, SenderAuthentication authentication) {

  public boolean automatic() {
    return parsed.automatic().isAutomatic();
  }

  public boolean bounce() {
    return parsed.automatic().kind() == AutomaticMail.Kind.BOUNCE;
  }
}
