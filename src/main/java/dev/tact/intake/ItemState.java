package dev.tact.intake;

/**
 * PENDING: logged, not yet a message. DONE: turned into a message. DUPLICATE: a redelivery of a
 * message already stored. PARKED: failed; kept with its error until an admin retries it.
 * SUPPRESSED: read, but deliberately not filed (a bounce about nothing Tact sent, a mail loop);
 * kept with a note saying why.
 */
public enum ItemState {
  PENDING,
  DONE,
  DUPLICATE,
  PARKED,
  SUPPRESSED
}
