package dev.tact.staff;

/** What a one-time link (invitation, password reset, setup) came to when someone opened it. */
public enum LinkStatus {
  /** It works: the form may be shown and sent. */
  VALID,
  /** Its time ran out. */
  EXPIRED,
  /** It did its work once already. */
  USED,
  /** A newer link replaced it, the password was changed meanwhile, or an admin revoked it. */
  REVOKED,
  /** No such link (mistyped, or its invitation was withdrawn). */
  UNKNOWN
}
