package io.gatehouse.api.token;

import io.gatehouse.domain.port.in.TokenUseCase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

@Controller("/.well-known/jwks.json")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Tokens")
class JwksController {

    private final TokenUseCase tokens;

    JwksController(TokenUseCase tokens) {
        this.tokens = tokens;
    }

    /** RFC 7517 5 JWK Set; RFC 7518 6.3.1 RSA public key members. */
    @Serdeable
    record Jwk(String kty, String kid, String use, String alg, String n, String e) {
    }

    @Serdeable
    record JwkSet(List<Jwk> keys) {
    }

    @Get(produces = "application/json")
    @Operation(summary = "The public keys that verify Gatehouse access tokens: the current one and those still in their overlap")
    HttpResponse<JwkSet> keys() {
        List<Jwk> keys = tokens.publishedKeys().stream()
                .map(key -> new Jwk("RSA", key.kid(), "sig", key.algorithm(), key.modulus(), key.exponent()))
                .toList();
        // Short caching: relying parties pick up a rotation within minutes, well inside the overlap.
        return HttpResponse.ok(new JwkSet(keys)).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}
