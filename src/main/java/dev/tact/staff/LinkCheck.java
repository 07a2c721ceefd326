package dev.tact.staff;

import java.time.Instant;

/** What opening a one-time link found: its status and, when it is valid, whose it is and until when. */
public record LinkCheck(LinkStatus status, String email, String displayName, Instant expiresAt) {

  static LinkCheck of(LinkStatus status) {
    return new LinkCheck(status, null, null, null);
  }

  public boolean valid() {
    return status == LinkStatus.VALID;
  }
}
