package org.socius.platform.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description: what it is and how a client authenticates (a bearer token). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI sociusOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Socius API")
                .version("v1")
                .description(
                    "Errors are RFC 9457 problem details with a stable code. Lists are paged"
                        + " (page, size). Changes to existing records need If-Match with the"
                        + " record's ETag; a POST may carry an Idempotency-Key to be retried"
                        + " safely. Create a token on the \"My account\" page."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token, acting with its owner's roles and territory")))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
