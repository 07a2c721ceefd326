package dev.tact.intake;

/** An item the pipeline cannot read at all: retrying will not help, so it is parked at once. */
class UnreadableItemException extends RuntimeException {

  UnreadableItemException(String message, Throwable cause) {
    super(message, cause);
  }
}
