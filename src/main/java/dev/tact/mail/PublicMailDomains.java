package dev.tact.mail;

/**
 * The public mail providers (gmail.com, outlook.com, …) whose users are strangers to each other: an agent writing
 * from one of them never makes the provider a staff domain. Noise control keeps the list.
 */
public interface PublicMailDomains {

  /** Whether this lower-case domain belongs to a public mail provider. */
  boolean isPublicMailDomain(String domain);
}
