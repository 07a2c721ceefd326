package dev.tact.testsupport;

import java.util.Map;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in an application context of its own, on a
 * random port of localhost, with one confidential client ({@link #CLIENT_ID}) whose redirect address is Tact's on
 * 127.0.0.1 (any port: the server accepts loopback redirects on any port, RFC 8252), and users who sign in there
 * with {@link #PASSWORD}. Each user's ID token carries the email and email_verified claims given at start.
 */
public final class TestIdentityProvider implements AutoCloseable {

  public static final String CLIENT_ID = "tact";
  public static final String CLIENT_SECRET = "tact-client-secret";
  public static final String PASSWORD = "idp-password-1";

  /** A user of the provider: the email its tokens claim, and whether the provider says it verified it. */
  public record Person(String email, boolean emailVerified) {}

  private final ConfigurableApplicationContext context;

  private TestIdentityProvider(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts the provider with these users (user name → person). */
  public static TestIdentityProvider start(Map<String, Person> users) {
    People.users = Map.copyOf(users);
    String client = "spring.security.oauth2.authorizationserver.client.tact.";
    ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
        .properties(Map.of(
            "spring.config.name", "test-identity-provider", // none of Tact's own settings
            "server.port", "0",
            "spring.jmx.enabled", "false",
            client + "registration.client-id", CLIENT_ID,
            client + "registration.client-secret", "{noop}" + CLIENT_SECRET,
            client + "registration.client-authentication-methods", "client_secret_basic",
            client + "registration.authorization-grant-types", "authorization_code",
            client + "registration.redirect-uris", "http://127.0.0.1/login/oauth2/code/oidc",
            client + "registration.scopes", "openid,email,profile",
            client + "require-authorization-consent", "false"))
        .run();
    return new TestIdentityProvider(context);
  }

  /** The issuer, as Tact's {@code tact.sso.oidc.issuer-uri}. */
  public String issuer() {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  @Override
  public void close() {
    context.close();
  }

  /** The users of the running provider (one provider at a time in a JVM is all tests need). */
  static final class People {
    static volatile Map<String, Person> users = Map.of();
  }

  /**
   * The provider's application: only the auto-configuration it needs. Deliberately not a {@code @Configuration}, so
   * that Tact's own component scan (which sees test classes too) never picks it up.
   */
  @ImportAutoConfiguration({
      PropertyPlaceholderAutoConfiguration.class,
      SslAutoConfiguration.class,
      TomcatServletWebServerAutoConfiguration.class,
      DispatcherServletAutoConfiguration.class,
      WebMvcAutoConfiguration.class,
      ErrorMvcAutoConfiguration.class,
      HttpMessageConvertersAutoConfiguration.class,
      JacksonAutoConfiguration.class,
      SecurityAutoConfiguration.class,
      ServletWebSecurityAutoConfiguration.class,
      SecurityFilterAutoConfiguration.class,
      OAuth2AuthorizationServerAutoConfiguration.class,
      OAuth2AuthorizationServerJwtAutoConfiguration.class})
  static class Provider {

    @Bean
    UserDetailsService identityProviderUsers() {
      return new InMemoryUserDetailsManager(People.users.keySet().stream()
          .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
          .toList());
    }

    /** Puts the user's email and whether it is verified into the ID token (and so into the user info). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
      return context -> {
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
          Person person = People.users.get(context.getPrincipal().getName());
          context.getClaims().claim("email", person.email()).claim("email_verified", person.emailVerified());
        }
      };
    }
  }
}
