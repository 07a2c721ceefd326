package dev.tact.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port with delivery's workers off (what it would send stays in the outbox for the
 * test to look at), no IMAP polling, incidents' status refreshed every 200 ms, the portal's rate limits out of the
 * way and a {@link SwitchableSms} way out; one in-memory H2 database (or, with {@link FreshPostgresDatabase}, one
 * PostgreSQL database per context), one cached Spring context for every test class that carries it. Tests share the
 * database: each makes its own data and asserts on that data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:delivery-off;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.intake.imap.enabled=false",
    "tact.incident.status-refresh=200ms", "tact.portal.requests-per-client-burst=1000",
    "tact.portal.requests-per-client-per-minute=1000"})
@Import(SwitchableSms.class)
public @interface DeliveryOffTest {}
