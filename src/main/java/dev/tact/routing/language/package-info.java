/**
 * Which language a customer writes in: a stop-word counter for the languages support teams most often split by
 * (ADR 16), with the contact's locale as the fallback. Plain Java, no Spring.
 */
package dev.tact.routing.language;
