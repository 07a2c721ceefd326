package dev.tact.staff.signin;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(properties = {"tact.demo.enabled=false", "tact.routing.enabled=false"})
@AutoConfigureMockMvc
@Import({SignInContract.Fixtures.class, SignInContract.PasswordChanges.class})
class SignInOnPostgresIntegrationTests extends SignInContract {}
