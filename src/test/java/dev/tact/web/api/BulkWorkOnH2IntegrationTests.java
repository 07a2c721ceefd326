package dev.tact.web.api;

import org.springframework.boot.test.context.SpringBootTest;

/** The same configuration as {@link ApiOnH2IntegrationTests}, so the suite starts this context once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false"})
class BulkWorkOnH2IntegrationTests extends BulkWorkContract {}
