package dev.tact.delivery.dkim;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;

class DkimSignerTests {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  static final List<String> HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe",
      "List-Unsubscribe-Post");

  /** Folded headers, trailing whitespace, tabs, a repeated header, bare LFs and empty lines at the end. */
  static final String MESSAGE = "Received: from a.example by b.example; Mon, 23 Nov 2026 09:59:00 +0000\n"
      + "From: \"Tact Support\"   <support@shop.example>  \r\n"
      + "To: Marguerite Dubois <marguerite@example.fr>,\r\n"
      + "\t  Jean Martin <jean@example.fr>\t\r\n"
      + "Subject:    Your order   [#1234]\t \r\n"
      + "  is on its way\r\n"
      + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
      + "Message-ID: <0193f7a2@shop.example>\r\n"
      + "List-Unsubscribe: <https://tact.shop.example/unsubscribe/abc>\r\n"
      + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
      + "X-Not-Signed: anything\r\n"
      + "\r\n"
      + "Hello Marguerite,   \r\n"
      + "\r\n"
      + "your parcel\t\tleft today.  \n"
      + "   Indented line\r\n"
      + "\r\n"
      + "\r\n";

  @Test
  void shouldCanonicaliseTheExampleOfRfc6376() {
    // RFC 6376, section 3.4.6
    List<HeaderField> fields = HeaderField.parse("A: X\r\nB : Y\t\r\n\tZ  \r\n");
    assertThat(fields.stream().map(RelaxedCanonicalization::header)).containsExactly("a:X\r\n", "b:Y Z\r\n");
    assertThat(RelaxedCanonicalization.body(" C \r\nD \t E\r\n\r\n\r\n")).isEqualTo(" C\r\nD E\r\n");
    assertThat(RelaxedCanonicalization.body("")).isEmpty();
    assertThat(RelaxedCanonicalization.body("no line end")).isEqualTo("no line end\r\n");
  }

  @Test
  void shouldBeVerifiedByJamesJdkimWithAnRsaKey() throws Exception {
    KeyPair keys = rsaKeys();
    DkimSigner signer = new DkimSigner("shop.example", "tact2026", pem(keys), HEADERS, CLOCK);

    byte[] signed = signer.sign(MESSAGE.getBytes(UTF_8));

    List<SignatureRecord> verified = jdkim(keys.getPublic()).verify(new ByteArrayInputStream(signed));
    assertThat(verified).hasSize(1);
    SignatureRecord record = verified.getFirst();
    assertThat(record.getDToken()).hasToString("shop.example");
    assertThat(record.getSelector()).hasToString("tact2026");
    assertThat(record.getHeaders()).map(CharSequence::toString)
        .containsExactly("from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post");
    assertThat(new String(signed, ISO_8859_1)).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;")
        .contains("\r\nFrom: \"Tact Support\"   <support@shop.example>  \r\n");
  }

  @Test
  void shouldSignWithAPkcs1KeyFromAFile() throws Exception {
    DkimSigner signer = new DkimSigner("shop.example", "s1", resource("rsa-pkcs1.pem"), HEADERS, CLOCK);
    PublicKey publicKey = KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(resource("rsa-pkcs1.pub.b64").strip())));

    byte[] signed = signer.sign(MESSAGE.getBytes(UTF_8));

    assertThat(jdkim(publicKey).verify(new ByteArrayInputStream(signed))).hasSize(1);
  }

  @Test
  void shouldFailVerificationWhenTheBodyOrASignedHeaderChanges() throws Exception {
    KeyPair keys = rsaKeys();
    String signed = new String(new DkimSigner("shop.example", "s1", pem(keys), HEADERS, CLOCK)
        .sign(MESSAGE.getBytes(UTF_8)), ISO_8859_1);

    String otherBody = signed.replace("left today", "left tomorrow");
    String otherSubject = signed.replace("[#1234]", "[#1235]");
    String unsignedHeaderChanged = signed.replace("X-Not-Signed: anything", "X-Not-Signed: else");
    String whitespaceOnly = signed.replace("your parcel\t\tleft", "your parcel left");

    assertThatThrownBy(() -> jdkim(keys.getPublic()).verify(stream(otherBody))).isInstanceOf(FailException.class);
    assertThatThrownBy(() -> jdkim(keys.getPublic()).verify(stream(otherSubject))).isInstanceOf(FailException.class);
    assertThat(jdkim(keys.getPublic()).verify(stream(unsignedHeaderChanged))).hasSize(1);
    assertThat(jdkim(keys.getPublic()).verify(stream(whitespaceOnly))).as("relaxed").hasSize(1);
  }

  @Test
  void shouldSignWithEd25519AsRfc8463Says() throws Exception {
    DkimSigner signer = new DkimSigner("shop.example", "ed", resource("ed25519.pem"), List.of("From", "Subject"), CLOCK);
    String message = "From: Shop <a@shop.example>\r\nSubject: Hi\r\n  there \r\nTo: x@example.org\r\n\r\nBody  text \r\n\r\n";

    String signed = new String(signer.sign(message.getBytes(UTF_8)), ISO_8859_1);

    assertThat(signer.algorithm()).isEqualTo("ed25519-sha256");
    String header = signed.substring(0, signed.indexOf("\r\nFrom:"));
    Map<String, String> tags = tags(header.substring("DKIM-Signature:".length()));
    assertThat(tags).containsEntry("a", "ed25519-sha256").containsEntry("d", "shop.example")
        .containsEntry("s", "ed").containsEntry("h", "from:subject").containsEntry("t", "1795428000");
    // computed by hand from RFC 6376 3.4.2/3.4.4, independently of the signer's canonicaliser
    assertThat(tags.get("bh")).isEqualTo(base64(sha256("Body text\r\n")));
    String headerWithoutB = header.substring(0, header.lastIndexOf("b=") + 2).replace("\r\n", "")
        .replaceAll("[ \t]+", " ").replaceFirst("^DKIM-Signature: ", "dkim-signature:");
    String input = "from:Shop <a@shop.example>\r\nsubject:Hi there\r\n" + headerWithoutB;
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(resource("ed25519.pub.b64").strip()))));
    verifier.update(sha256(input));
    assertThat(verifier.verify(Base64.getDecoder().decode(tags.get("b")))).isTrue();
  }

  @Test
  void shouldRefuseMessagesWithoutFromAndKeysThatAreNotPem() throws Exception {
    DkimSigner signer = new DkimSigner("shop.example", "s1", pem(rsaKeys()), HEADERS, CLOCK);

    assertThatThrownBy(() -> signer.sign("Subject: x\r\n\r\nbody\r\n".getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("From");
    assertThatThrownBy(() -> new DkimSigner("shop.example", "s1", "not a key", HEADERS, CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PEM");
    assertThatThrownBy(() -> new DkimSigner("shop..example", "s1", pem(rsaKeys()), HEADERS, CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain");
  }

  static DKIMVerifier jdkim(PublicKey key) {
    String record = "v=DKIM1; k=rsa; p=" + base64(key.getEncoded());
    return new DKIMVerifier((method, selector, domain) -> List.of(record));
  }

  static Map<String, String> tags(String value) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String tag : value.replaceAll("[ \t\r\n]+", "").split(";")) {
      int eq = tag.indexOf('=');
      tags.put(tag.substring(0, eq), tag.substring(eq + 1));
    }
    return tags;
  }

  static KeyPair rsaKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static String pem(KeyPair keys) {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(ISO_8859_1))
        .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }

  static String resource(String name) throws IOException {
    try (InputStream in = DkimSignerTests.class.getResourceAsStream("/dkim/" + name)) {
      return new String(in.readAllBytes(), ISO_8859_1);
    }
  }

  static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(ISO_8859_1));
  }

  static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(ISO_8859_1));
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
