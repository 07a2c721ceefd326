package dev.tact.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application with intake's pipeline and IMAP polling stopped (what is logged stays pending until the test
 * processes it), routing off, noise holding a sender's second new conversation within the rate window, with
 * {@code MockMvc} and a {@link StatementCounter} on the database; one in-memory H2 database, one cached Spring context
 * for every test class that carries it. As with {@link TactTest}, each test makes its own data and asserts on that
 * data, never on whole-table counts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:pipeline-stopped;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.intake.imap.enabled=false", "tact.intake.pipeline.enabled=false",
    "tact.routing.enabled=false", "tact.noise.per-sender=1",
    "tact.secrets.key=dGFjdC10ZXN0LWtleS0zMi1ieXRlcy1sb25nISEhISE="})
@AutoConfigureMockMvc
@Import(StatementCounter.Configuration.class)
public @interface PipelineStoppedTest {}
