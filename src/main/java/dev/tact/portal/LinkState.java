package dev.tact.portal;

/** What a sign-in link is worth now. */
public enum LinkState {
  VALID,
  USED,
  EXPIRED,
  UNKNOWN
}
