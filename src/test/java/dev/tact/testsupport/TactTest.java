package dev.tact.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application without demo data, routing or IMAP polling (mailboxes a test adds are polled only when it
 * asks), on a random port and with {@code MockMvc}, on one in-memory
 * H2 database (or, with {@link FreshPostgresDatabase}, one PostgreSQL database per context): every
 * test class with this annotation (and nothing else that changes the context) runs in the same cached Spring
 * context, so it costs no start of its own. Tests share the database, so each makes its own data (UUID-suffixed
 * addresses, teams, agents) and asserts on that data, never on whole-table counts. A test that needs other
 * settings starts a context of its own: see docs/notes-suite.md before adding one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tact-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.intake.imap.enabled=false",
    // the public address in unsubscribe links; tests follow a link at the application's random port instead
    "tact.delivery.unsubscribe.base-url=http://unused.example"})
@AutoConfigureMockMvc
public @interface TactTest {}
