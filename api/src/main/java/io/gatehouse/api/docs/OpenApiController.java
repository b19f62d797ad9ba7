package io.gatehouse.api.docs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves the OpenAPI document that micronaut-openapi generates at compile time from the
 * controllers; it is read once, on first request.
 */
@OpenAPIDefinition(info = @Info(title = "Gatehouse", version = "1",
        description = "Self-hosted multi-tenant SSO and identity service. Errors are RFC 9457 problem documents."))
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class OpenApiController {

    static final String DOCUMENT = "classpath:META-INF/swagger/gatehouse-1.yml";
    private final ResourceResolver resources;
    private volatile byte[] document;

    OpenApiController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get(value = "/openapi", produces = "application/yaml")
    HttpResponse<byte[]> openApi() {
        byte[] body = document;
        if (body == null) {
            Optional<InputStream> stream = resources.getResourceAsStream(DOCUMENT);
            if (stream.isEmpty()) {
                return HttpResponse.notFound();
            }
            try (InputStream in = stream.get()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            document = body;
        }
        return HttpResponse.ok(body).contentType(MediaType.of("application/yaml"));
    }
}
