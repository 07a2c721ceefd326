package dev.tact.policy;

import dev.tact.shared.Channel;
import java.util.Set;

/**
 * The do-not-call registers Tact honours, with what each law lets through (rows of POLICY-RULES.md). A number on a
 * register blocks marketing on the channels the register covers from the day it was registered (the grace
 * periods of R2, R17 and R20 give callers time to download a new copy; Tact already has the entry, so it honours it
 * at once), unless the person gave express consent, or a business relationship the law names is recent enough.
 *
 * @param title the register's name in reasons ("Canada's National Do Not Call List")
 * @param rows where the rule and its source are in POLICY-RULES.md
 * @param region the region its numbers are written in when they come without a country code (null: the default)
 * @param channels the outbound channels the register covers: the US registry covers calls and texts (texts are
 *     calls under the TCPA); the DNCL and the TPS cover calls (texts fall under CASL and PECR reg. 22, which the
 *     consent rule applies)
 * @param purchaseMonths a purchase (lease, rental, contract) this recent exempts; 0: no such exemption
 * @param inquiryMonths an inquiry or application this recent exempts; 0: no such exemption
 */
public enum DoNotCallRegister {
  US_DNC("the US National Do Not Call Registry", "R2, R3", "US",
      Set.of(Channel.PHONE, Channel.SMS), 18, 3),
  CA_DNCL("Canada's National Do Not Call List", "R17", "CA", Set.of(Channel.PHONE), 18, 6),
  UK_TPS("the UK Telephone Preference Service (TPS)", "R20", "GB", Set.of(Channel.PHONE), 0, 0),
  UK_CTPS("the UK Corporate Telephone Preference Service (CTPS)", "R20", "GB", Set.of(Channel.PHONE),
      0, 0),
  INTERNAL("our own do-not-call list", "R5, R18", null, Set.of(Channel.PHONE, Channel.SMS),
      0, 0);

  private final String title;
  private final String rows;
  private final String region;
  private final Set<Channel> channels;
  private final int purchaseMonths;
  private final int inquiryMonths;

  DoNotCallRegister(String title, String rows, String region, Set<Channel> channels, int purchaseMonths,
      int inquiryMonths) {
    this.title = title;
    this.rows = rows;
    this.region = region;
    this.channels = channels;
    this.purchaseMonths = purchaseMonths;
    this.inquiryMonths = inquiryMonths;
  }

  public String title() {
    return title;
  }

  public String rows() {
    return rows;
  }

  /** The region numbers without a country code are read in; null: Tact's default region. */
  public String region() {
    return region;
  }

  public boolean covers(Channel channel) {
    return channels.contains(channel);
  }

  public Set<Channel> channels() {
    return channels;
  }

  /** "phone calls and texts", "phone calls". */
  public String channelsInWords() {
    return channels.contains(Channel.SMS) ? "phone calls and texts" : "phone calls";
  }

  public int purchaseMonths() {
    return purchaseMonths;
  }

  public int inquiryMonths() {
    return inquiryMonths;
  }

  /** "us-dnc" as it appears in addresses. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The register named by its slug ("ca-dncl") or constant ("CA_DNCL"), case-insensitively. */
  public static java.util.Optional<DoNotCallRegister> bySlug(String value) {
    if (value == null) {
      return java.util.Optional.empty();
    }
    String wanted = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    return java.util.Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
  }
}
