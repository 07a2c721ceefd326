package dev.tact.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI tactOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Tact API").version("v1")
            .description("Errors are RFC 9457 Problem Details with a stable type (urn:tact:problem:<code>) and code."))
        .components(new Components().addSecuritySchemes("token",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API token made by an admin")))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
