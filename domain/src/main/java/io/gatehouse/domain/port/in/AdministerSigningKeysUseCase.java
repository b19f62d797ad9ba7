package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.UserId;
import java.util.Optional;

/** Instance administrators rotate the JWT signing key on demand (scheduled rotation also runs). */
public interface AdministerSigningKeysUseCase {

    /** The new key id, or empty when the actor is not an active instance administrator. */
    Optional<String> rotate(UserId actor);
}
