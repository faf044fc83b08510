package io.marketops.runtime.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /api/v1/openapi.json (browsable at /api/v1/docs). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    @Bean
    OpenAPI marketOpsApi() {
        return new OpenAPI()
                .info(new Info().title("MarketOps API").version("v1")
                        .description("""
                                Everything the MarketOps UI does, over HTTP. Send `Authorization: Bearer <token>` \
                                (create tokens under Settings → API tokens or with `./marketops token create`). \
                                JSON is camelCase; lists answer `{"items":[…],"page":1,"size":50,"total":123}` and take \
                                `page` (from 1), `size` (1–500) and `sort=field,asc|desc`; errors are RFC 9457 \
                                problem+json with a `detail` that says what to fix and, for bad input, the `field`. \
                                Dates are local dates in the workspace time zone (default Asia/Shanghai); instants are ISO-8601 UTC.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
