package dev.tact.web.api;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:noise;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.mail.staff-domains=acme.example",
    "tact.noise.per-sender=3", "tact.noise.per-domain=10",
    "tact.mail.authentication.trusted-authserv-ids=mx.tact.test"})
class NoiseOnH2IntegrationTests extends NoiseContract {}
