/**
 * Moving hosts: {@code tact export <file>} writes every table of the schema into one archive (rows in a canonical,
 * database-independent encoding, a manifest of SHA-256 sums), {@code tact import <file>} verifies it and restores it
 * into an empty database (H2 or PostgreSQL). Runs without the web server, pollers or workers
 * ({@link dev.tact.archive.ArchiveCommand}). See ADR 0044.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Export and import", allowedDependencies = {"shared"})
package dev.tact.archive;
