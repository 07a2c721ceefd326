package dev.tact.delivery.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.policy.Purpose;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsubscribeTokensTests {

  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final UUID CONTACT = UUID.fromString("0193f7a2-1c2d-7e3f-8a4b-5c6d7e8f9a0b");

  final UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET);

  @Test
  void shouldReadBackTheContactAndPurposeOfATokenItIssued() {
    String token = tokens.issue(CONTACT, Purpose.MARKETING);

    assertThat(token).hasSize(46).matches("[A-Za-z0-9_-]+");
    assertThat(tokens.read(token)).contains(new UnsubscribeTokens.UnsubscribeToken(CONTACT, Purpose.MARKETING));
    assertThat(tokens.read(tokens.issue(CONTACT, Purpose.TRANSACTIONAL)).orElseThrow().purpose())
        .isEqualTo(Purpose.TRANSACTIONAL);
  }

  @Test
  void shouldRejectTokensOfAnotherSecretAndMalformedOnes() {
    String token = tokens.issue(CONTACT, Purpose.MARKETING);
    UnsubscribeTokens other = new UnsubscribeTokens("another secret of at least 32 bytes".getBytes(StandardCharsets.US_ASCII));

    assertThat(other.read(token)).isEmpty();
    assertThat(tokens.read(null)).isEmpty();
    assertThat(tokens.read("")).isEmpty();
    assertThat(tokens.read(token.substring(1))).isEmpty();
    assertThat(tokens.read(token + "A")).isEmpty();
    assertThat(tokens.read("!" + token.substring(1))).isEmpty();
    assertThatThrownBy(() -> new UnsubscribeTokens(new byte[16])).hasMessageContaining("32 bytes");
  }

  @Test
  void shouldRejectEveryTokenWithAnyByteChanged() {
    long seed = Long.getLong("tact.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    try {
      for (int round = 0; round < 2000; round++) {
        UUID contact = new UUID(random.nextLong(), random.nextLong());
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(contact, Purpose.MARKETING));
        byte[] altered = Arrays.copyOf(bytes, bytes.length);
        int at = random.nextInt(altered.length);
        altered[at] ^= (byte) (1 + random.nextInt(255));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
        assertThat(tokens.read(forged)).as("byte %d changed", at).isEmpty();
      }
    } catch (AssertionError e) {
      throw new AssertionError("replay with -Dtact.fuzz.seed=" + seed + ": " + e.getMessage(), e);
    }
  }

  @Test
  void shouldBuildOneClickHeadersWithTheLinkAndAnOptionalMailto() {
    UnsubscribeLinks links = new UnsubscribeLinks(tokens, "https://help.shop.example/", "unsubscribe@shop.example");

    ListUnsubscribeHeaders headers = links.headers(CONTACT, Purpose.MARKETING);

    String token = headers.url().substring(headers.url().lastIndexOf('/') + 1);
    assertThat(headers.url()).startsWith("https://help.shop.example/unsubscribe/");
    assertThat(tokens.read(token)).isPresent();
    assertThat(headers.listUnsubscribe()).isEqualTo("<" + headers.url() + ">, <mailto:unsubscribe@shop.example"
        + "?subject=unsubscribe%20" + token + ">");
    assertThat(headers.asMap()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    assertThat(new UnsubscribeLinks(tokens, "https://h.example", null).headers(CONTACT, Purpose.MARKETING)
        .listUnsubscribe()).matches("<https://h\\.example/unsubscribe/[A-Za-z0-9_-]{46}>");
  }

  @Test
  void shouldTakeTheSecretFromItsSettingOrDeriveItOrKeepAGeneratedOne(@TempDir Path dir) throws Exception {
    String own = Base64.getEncoder().encodeToString(SECRET);
    String installation = Base64.getEncoder().encodeToString(new byte[32]);
    Path file = dir.resolve("data/unsubscribe.key");

    assertThat(UnsubscribeSecret.resolve(own, installation, file)).isEqualTo(SECRET);
    assertThat(UnsubscribeSecret.resolve(null, installation, file)).hasSize(32).isNotEqualTo(new byte[32])
        .isEqualTo(UnsubscribeSecret.resolve("", installation, file));
    byte[] generated = UnsubscribeSecret.resolve(null, null, file);
    assertThat(Files.exists(file)).isTrue();
    assertThat(UnsubscribeSecret.resolve(null, "", file)).isEqualTo(generated);
    assertThatThrownBy(() -> UnsubscribeSecret.resolve("c2hvcnQ=", null, file)).hasMessageContaining("32 bytes");
  }
}
