package dev.tact.chat;

import java.time.Instant;
import java.util.UUID;

/** One line of a chat, numbered from 1 within it; the number is the line's server-sent event id. */
public record ChatLine(UUID chatId, long seq, Kind kind, String author, String text, UUID messageId, Instant at) {

  public enum Kind {
    VISITOR,
    AGENT,
    SYSTEM
  }
}
