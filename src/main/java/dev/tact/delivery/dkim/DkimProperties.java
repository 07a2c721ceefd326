package dev.tact.delivery.dkim;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DKIM signing of outgoing mail (RFC 6376, relaxed/relaxed). The algorithm follows the key: an RSA
 * key signs rsa-sha256, an Ed25519 key ed25519-sha256 (RFC 8463).
 *
 * @param enabled sign outgoing mail
 * @param domain the signing domain (d=), normally the From domain
 * @param selector the selector (s=): the public key is published at {@code <selector>._domainkey.<domain>}
 * @param privateKey the private key in PEM (PKCS#8, or PKCS#1 for RSA); or
 * @param privateKeyFile a file holding it
 * @param headers header fields to sign when present (From is always signed)
 */
@ConfigurationProperties("tact.delivery.dkim")
public record DkimProperties(
    @DefaultValue("false") boolean enabled,
    String domain,
    String selector,
    String privateKey,
    Path privateKeyFile,
    @DefaultValue({"From", "Reply-To", "Subject", "Date", "To", "Cc", "Message-ID", "In-Reply-To", "References",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "List-Id", "List-Unsubscribe",
        "List-Unsubscribe-Post", "Resent-Date", "Resent-From", "Resent-To", "Resent-Cc"})
    List<String> headers) {}
