/**
 * Encryption of secrets Tact must read back (a mailbox's IMAP password, an agent's authenticator secret) with the
 * installation's key. Moved here from intake when sign-in needed it too (ADR 0020).
 */
package dev.tact.shared.secrets;
