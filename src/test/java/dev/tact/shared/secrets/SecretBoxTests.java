package dev.tact.shared.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

  static final Path UNUSED = Path.of("does-not-exist", "secret.key");

  @Test
  void shouldReadBackWhatItEncryptedWithoutShowingItWhenTheKeyIsConfigured() {
    SecretBox box = new SecretBox(new SecretProperties(key(1), UNUSED));
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      String secret = randomText(random, random.nextInt(80));
      String stored = box.encrypt(secret);
      assertThat(stored).startsWith("v1:").doesNotContain(secret.isEmpty() ? "v2:" : secret);
      assertThat(box.decrypt(stored)).isEqualTo(secret);
    }
    assertThat(box.encrypt("same")).as("a fresh nonce each time").isNotEqualTo(box.encrypt("same"));
    assertThat(Files.exists(UNUSED)).isFalse();
  }

  @Test
  void shouldRefuseACiphertextMadeWithAnotherKeyOrAltered() {
    String stored = new SecretBox(new SecretProperties(key(1), UNUSED)).encrypt("hunter2-password");
    SecretBox other = new SecretBox(new SecretProperties(key(2), UNUSED));
    assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(SecretUnreadableException.class)
        .hasMessageContaining("TACT_SECRET_KEY");

    SecretBox same = new SecretBox(new SecretProperties(key(1), UNUSED));
    byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
    bytes[bytes.length - 1] ^= 1;
    assertThatThrownBy(() -> same.decrypt("v1:" + Base64.getEncoder().encodeToString(bytes)))
        .isInstanceOf(SecretUnreadableException.class);
    assertThatThrownBy(() -> same.decrypt("plain")).isInstanceOf(SecretUnreadableException.class);
  }

  @Test
  void shouldGenerateAKeyFileOnceAndUseItAfterARestart(@TempDir Path folder) {
    Path file = folder.resolve("data").resolve("secret.key");
    String stored = new SecretBox(new SecretProperties(null, file)).encrypt("kept across restarts");
    assertThat(file).exists();

    assertThat(new SecretBox(new SecretProperties("", file)).decrypt(stored)).isEqualTo("kept across restarts");
  }

  @Test
  void shouldRefuseAConfiguredKeyOfTheWrongLengthAtStart() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> new SecretBox(new SecretProperties(short16, UNUSED)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
  }

  private static String key(int seed) {
    byte[] bytes = new byte[32];
    new Random(seed).nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(random.nextInt(4) == 0 ? 0x00C0 + random.nextInt(200) : 0x21 + random.nextInt(94));
    }
    return text.toString();
  }
}
