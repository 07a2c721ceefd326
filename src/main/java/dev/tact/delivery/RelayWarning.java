package dev.tact.delivery;

/** Whether an SMTP relay is configured, and how many emails wait for one meanwhile (0 while one is). */
public record RelayWarning(boolean relayConfigured, long waiting) {}
