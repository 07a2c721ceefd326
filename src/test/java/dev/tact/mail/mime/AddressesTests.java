package dev.tact.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.mail.MailAddress;
import org.junit.jupiter.api.Test;

class AddressesTests {

  @Test
  void shouldPickTheAddressOutOfAHeaderWithALongRunOfGarbageBeforeIt() {
    // mime4j reads no mailbox here, so the fallback pattern looks for one; it once read the run of x to its end from
    // each of its positions (seconds)
    assertThat(Addresses.parseList("<>" + "x".repeat(20_000) + " jane@example.com"))
        .containsExactly(new MailAddress("jane@example.com", null));
  }
}
