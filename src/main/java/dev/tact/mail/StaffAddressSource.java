package dev.tact.mail;

import java.util.List;

/**
 * Where addresses of Tact's own staff are known (the configured mailboxes, the agents): their domains are staff
 * domains by default ({@link StaffDomains}). Modules that know such addresses implement it; mail, a base module,
 * never depends on them. Asked seldom (the answer is cached), so a query per call is fine.
 */
public interface StaffAddressSource {

  /** What the addresses are, in words, for the admin's overview: "mailbox", "agent". */
  String kind();

  /** The addresses, any case; blank ones and ones without a domain are ignored. */
  List<String> staffAddresses();
}
