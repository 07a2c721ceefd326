package dev.tact.intake;

/**
 * Reads one kind of logged item (by its content type) into the road's common terms. A new channel adds a reader,
 * and nothing else: every reader's items take the same road to the same filing.
 */
interface ItemReader {

  /** The content type of the items this reader reads, as {@link MessageIntake} logs them. */
  String contentType();

  /**
   * Reads one item; {@code raw} is its raw bytes (an email's MIME), read for the whole set at once, or null.
   *
   * @throws UnreadableItemException when the item can never be read (it is parked)
   */
  ReadItem read(InboundItem item, byte[] raw);
}
