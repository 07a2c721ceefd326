package dev.tact.survey;

import org.springframework.boot.test.context.SpringBootTest;

/** The incidents tests' context (same properties): no second H2 application for surveys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:incidents;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.incident.status-refresh=200ms"})
class SurveysOnH2IntegrationTests extends SurveysContract {}
