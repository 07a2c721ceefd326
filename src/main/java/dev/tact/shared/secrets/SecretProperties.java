package dev.tact.shared.secrets;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that encrypts stored secrets (mailbox passwords, authenticator secrets) comes from.
 *
 * @param key base64 of 32 random bytes ({@code TACT_SECRET_KEY}); every node of one installation needs the same
 * @param keyFile where a key is generated once, and read from later, when {@code key} is not set
 */
@ConfigurationProperties("tact.secrets")
public record SecretProperties(String key, @DefaultValue("./data/secret.key") Path keyFile) {}
