/** Encryption of secrets the intake must read back, such as mailbox passwords (internal to intake). */
package dev.tact.intake.secrets;
