package dev.tact.staff.signin;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:signin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false"})
@AutoConfigureMockMvc
@Import({SignInContract.Fixtures.class, SignInContract.PasswordChanges.class})
class SignInOnH2IntegrationTests extends SignInContract {}
