package dev.tact.policy;

import java.time.LocalDate;

/** One of a contact's numbers on a do-not-call register, since the day it was registered. */
public record DoNotCallListing(DoNotCallRegister register, String number, LocalDate registeredOn) {}
