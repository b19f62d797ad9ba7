package io.gatehouse.api.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds a controller parameter of type {@link Caller} from the request's authenticated principal, so
 * that controllers receive the caller as a typed value instead of reading Micronaut's
 * {@link Authentication} each time. On a route that allows anonymous access it stays unbound.
 */
@Singleton
final class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Caller> caller = source.getUserPrincipal(Authentication.class).map(Caller::of);
        return () -> caller;
    }
}
