/**
 * Search: an embedded Apache Lucene index on every node over conversations (subject, messages' new and whole text,
 * notes, tags, numbers, the contact) and contacts (names, every identity), fed from a durable, ordered change feed in
 * the database that every node follows from its own last position. Entry point:
 * {@link dev.tact.search.ConversationSearch}. See ADR 0034.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search",
    allowedDependencies = {"contact", "conversation", "shared", "staff"})
package dev.tact.search;
