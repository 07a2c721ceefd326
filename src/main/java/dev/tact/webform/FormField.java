package dev.tact.webform;

/**
 * An extra field of a form, asked beside name, address, subject and message.
 *
 * @param key the field's name in the posted form and in JSON ({@code order_number})
 * @param label what the customer reads, and the label the value has among the conversation's facts
 * @param required whether the form is refused without it
 * @param maxLength the longest value accepted, in characters
 */
public record FormField(String key, String label, boolean required, int maxLength) {}
