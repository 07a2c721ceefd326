package dev.tact.staff;

/** What a one-time link mailed to an agent is for. */
enum LinkPurpose {
  INVITATION,
  PASSWORD_RESET
}
