package dev.tact.staff;

/** A token just created: the secret is shown this once and stored only as a hash. */
public record IssuedApiToken(ApiToken token, String secret) {}
