package dev.tact.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityParserTests {

  private final IdentityParser parser = new IdentityParser(new ContactProperties("CA"));

  @ParameterizedTest
  @CsvSource({
      "Ana@Example.COM, ana@example.com",
      "'  j.doe+tag@Sub.Example.org ', j.doe+tag@sub.example.org",
      "jörg@bücher.de, jörg@xn--bcher-kva.de"
  })
  void shouldNormaliseEmailAddresses(String raw, String expected) {
    Identity identity = parser.parse(raw);
    assertThat(identity.kind()).isEqualTo(IdentityKind.EMAIL);
    assertThat(identity.value()).isEqualTo(expected);
    assertThat(identity.raw()).isEqualTo(raw.strip());
  }

  @ParameterizedTest
  @CsvSource({
      "'+1 (204) 555-0142', +12045550142",
      "'(204) 555-0142', +12045550142",
      "'+49 30 901820', +4930901820",
      "'+44 20 7946 0958', +442079460958"
  })
  void shouldNormalisePhoneNumbersToE164UsingTheDefaultRegion(String raw, String expected) {
    Identity identity = parser.parse(raw);
    assertThat(identity.kind()).isEqualTo(IdentityKind.PHONE);
    assertThat(identity.value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"twitter:@HostWatcher, twitter:hostwatcher, twitter", "Mastodon:@ana@social.example, mastodon:ana@social.example, mastodon"})
  void shouldReadHandlesByNetwork(String raw, String expected, String network) {
    Identity identity = parser.parse(raw);
    assertThat(identity.kind()).isEqualTo(IdentityKind.HANDLE);
    assertThat(identity.value()).isEqualTo(expected);
    assertThat(identity.network()).isEqualTo(network);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ana@", "@example.com", "ana@@example.com", "ana@example", "a..b@example.com", "ana@exa_mple.com"})
  void shouldRejectInvalidEmailAddresses(String raw) {
    assertThatThrownBy(() -> parser.parse(raw)).isInstanceOf(ProblemException.class)
        .extracting("code").isEqualTo("invalid-email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "+1 000 000 0000", "555-01"})
  void shouldRejectInvalidPhoneNumbers(String raw) {
    assertThatThrownBy(() -> parser.parse(raw)).isInstanceOf(ProblemException.class)
        .extracting("code").isEqualTo("invalid-phone");
  }

  @Test
  void shouldRequireASender() {
    assertThatThrownBy(() -> parser.parse("  ")).isInstanceOf(ProblemException.class)
        .extracting("code").isEqualTo("missing-sender");
  }

  @Test
  void shouldRejectWhatIsNoIdentityAtAll() {
    assertThatThrownBy(() -> parser.parse("just some words")).isInstanceOf(ProblemException.class)
        .extracting("code").isEqualTo("invalid-sender");
  }
}
