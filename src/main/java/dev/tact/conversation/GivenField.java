package dev.tact.conversation;

/**
 * A value a customer gave under a label with a message (a web form's "Order number"), kept beside the message and
 * shown among the conversation's facts.
 */
public record GivenField(String label, String value) {}
