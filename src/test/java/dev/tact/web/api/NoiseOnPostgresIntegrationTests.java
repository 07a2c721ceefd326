package dev.tact.web.api;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.mail.staff-domains=acme.example",
    "tact.noise.per-sender=3", "tact.noise.per-domain=10",
    "tact.mail.authentication.trusted-authserv-ids=mx.tact.test"})
class NoiseOnPostgresIntegrationTests extends NoiseContract {}
