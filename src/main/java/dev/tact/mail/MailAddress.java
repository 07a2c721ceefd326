package dev.tact.mail;

/**
 * One mailbox from an address header.
 *
 * @param address the address, local part as given and domain lower-cased
 * @param name the decoded display name, or null when there is none
 */
public record MailAddress(String address, String name) {
}
