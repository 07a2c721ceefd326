package dev.tact.staff.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTests {

  // RFC 6238, appendix B: the seeds are the ASCII digits 1234567890 repeated to the hash's key length
  private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_SEED =
      "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "{0} s → {1} / {2} / {3}")
  @CsvSource({
      "59,          94287082, 46119246, 90693936",
      "1111111109,  07081804, 68084774, 25091201",
      "1111111111,  14050471, 67062674, 99943326",
      "1234567890,  89005924, 91819424, 93441116",
      "2000000000,  69279037, 90698825, 38618901",
      "20000000000, 65353130, 77737706, 47863826"})
  void shouldGiveTheCodesOfTheRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
    Instant at = Instant.ofEpochSecond(seconds);
    Duration period = Duration.ofSeconds(30);

    assertThat(new Totp("HmacSHA1", 8, period).code(SHA1_SEED, at)).isEqualTo(sha1);
    assertThat(new Totp("HmacSHA256", 8, period).code(SHA256_SEED, at)).isEqualTo(sha256);
    assertThat(new Totp("HmacSHA512", 8, period).code(SHA512_SEED, at)).isEqualTo(sha512);
  }

  @Test
  void shouldGiveTheLastSixDigitsForAuthenticatorAppsWithLeadingZeros() {
    // the eight-digit vector 07081804 at 1111111109 s is 081804 with six digits
    assertThat(Totp.AUTHENTICATOR_APP.code(SHA1_SEED, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(Totp.AUTHENTICATOR_APP.code(SHA1_SEED, Instant.ofEpochSecond(59))).isEqualTo("287082");
  }

  @Test
  void shouldKeepOneCodeForThirtySeconds() {
    assertThat(Totp.AUTHENTICATOR_APP.step(Instant.ofEpochSecond(59))).isEqualTo(1);
    assertThat(Totp.AUTHENTICATOR_APP.step(Instant.ofEpochSecond(60))).isEqualTo(2);
    assertThat(Totp.AUTHENTICATOR_APP.code(SHA1_SEED, Instant.ofEpochSecond(60)))
        .isEqualTo(Totp.AUTHENTICATOR_APP.code(SHA1_SEED, Instant.ofEpochSecond(89)))
        .isNotEqualTo(Totp.AUTHENTICATOR_APP.code(SHA1_SEED, Instant.ofEpochSecond(90)));
  }

  @Test
  void shouldComputeTheCodeFromTheBase32SecretAnAppIsShown() {
    String secret = Base32.encode(SHA1_SEED);

    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.authenticatorCode(secret.toLowerCase().replaceAll("(.{4})", "$1 "), Instant.ofEpochSecond(59)))
        .isEqualTo("287082");
  }

  @ParameterizedTest
  @CsvSource({"'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI"})
  void shouldEncodeAndDecodeTheRfc4648Base32Vectors(String text, String base32) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(Base32.encode(bytes)).isEqualTo(base32);
    assertThat(Base32.decode(base32 + "=".repeat((8 - base32.length() % 8) % 8))).isEqualTo(bytes);
  }

  @Test
  void shouldRefuseTextThatIsNotBase32() {
    assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
  }
}
