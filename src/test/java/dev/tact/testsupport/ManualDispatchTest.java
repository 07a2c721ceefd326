package dev.tact.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application with delivery's workers off, so that a test dispatches the outbox itself to a relay of its
 * own (GreenMail, {@link SmtpSink}); unpaced, a failed attempt retried only an hour later, mail from
 * {@code Acme Help <support@tact.test>} signed with the test DKIM key; Tact's SMTP listener on a free port, no IMAP
 * polling; one in-memory H2 database, one cached Spring context for every test class that carries it. A dispatch
 * sends every row that is due, so each test looks only at its own rows (by id or Message-ID).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:manual-dispatch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.delivery.pacing.enabled=false",
    "tact.delivery.retry-base=PT1H", "tact.delivery.from-address=support@tact.test",
    "tact.delivery.from-name=Acme Help", "tact.delivery.dkim.enabled=true", "tact.delivery.dkim.domain=tact.test",
    "tact.delivery.dkim.selector=s2026", "tact.delivery.dkim.private-key-file=src/test/resources/dkim/rsa-pkcs1.pem",
    "tact.intake.smtp.enabled=true", "tact.intake.smtp.port=0", "tact.intake.imap.enabled=false"})
public @interface ManualDispatchTest {}
