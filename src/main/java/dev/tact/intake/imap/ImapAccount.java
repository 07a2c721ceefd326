package dev.tact.intake.imap;

import dev.tact.intake.Mailbox.AfterFetch;
import dev.tact.intake.Mailbox.Security;
import java.util.UUID;

/** What one poll needs to know about a mailbox, password still encrypted. */
record ImapAccount(UUID id, String address, String host, int port, Security security, String username,
    String passwordCipher, String folder, AfterFetch afterFetch, String moveToFolder, int pollIntervalSeconds,
    Long uidValidity, long lastUid, int failures) {}
