package io.gatehouse.domain.port.in;

import java.util.Optional;

/** Turns a presented session cookie value into the session it opens, if it still may. */
public interface AuthenticateSessionUseCase {

    Optional<SessionPrincipal> authenticate(String presentedSecret);
}
