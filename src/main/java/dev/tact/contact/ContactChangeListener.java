package dev.tact.contact;

import java.util.UUID;

/**
 * Told synchronously, inside the transaction that changes a contact's name or identities (created, named, given an
 * identity, merged), that the contact is to be read afresh; search appends it to its change feed in that
 * transaction. Must not fail for reasons of its own: an exception rolls the change back.
 */
public interface ContactChangeListener {

  void contactChanged(UUID contactId);
}
