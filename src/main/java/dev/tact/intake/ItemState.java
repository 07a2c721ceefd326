package dev.tact.intake;

/**
 * PENDING: logged, not yet a message. DONE: turned into a message. DUPLICATE: a redelivery of a
 * message already stored. PARKED: failed; kept with its error until an admin retries it.
 */
public enum ItemState {
  PENDING,
  DONE,
  DUPLICATE,
  PARKED
}
