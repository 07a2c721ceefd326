package dev.tact.webform;

import java.time.Instant;

/**
 * What a form's page carries so that the form may be sent once: signed by Tact, naming its form, when it was issued
 * and how much work the page's script must do. {@code challenge} is the text the script hashes with its nonce.
 */
public record FormTicket(String id, String slug, Instant issuedAt, int bits, String token) {

  /** The text whose SHA-256 with a nonce appended must start with {@link #bits} zero bits. */
  public String challenge() {
    return id;
  }
}
