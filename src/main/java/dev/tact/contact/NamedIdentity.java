package dev.tact.contact;

/** An identity someone wrote from, with the names they gave beside it (a sender of an inbound message). */
public record NamedIdentity(Identity identity, ContactNames names) {}
