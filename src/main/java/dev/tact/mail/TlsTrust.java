package dev.tact.mail;

import java.util.Arrays;
import java.util.Properties;

/**
 * Jakarta Mail's certificate checks for one server, IMAP or SMTP alike: a host named in the admins' {@code
 * ssl-trust} list (space-separated, or {@code *}) is trusted unchecked, host name included (a self-signed or
 * internal certificate); every other host's certificate and name are verified.
 */
public final class TlsTrust {

  private TlsTrust() {}

  /** Puts {@code <prefix>ssl.checkserveridentity} and, when hosts are named, {@code <prefix>ssl.trust}. */
  public static void apply(Properties properties, String prefix, String sslTrust, String host) {
    String trust = sslTrust == null ? "" : sslTrust.strip();
    properties.put(prefix + "ssl.checkserveridentity", String.valueOf(!trusts(trust, host)));
    if (!trust.isEmpty()) {
      properties.put(prefix + "ssl.trust", trust);
    }
  }

  static boolean trusts(String sslTrust, String host) {
    return Arrays.stream(sslTrust.split("\\s+")).anyMatch(t -> t.equals("*") || t.equalsIgnoreCase(host));
  }
}
