package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.model.UserId;
import java.util.List;

/** Instance admins register the applications that sign people in with Gatehouse as their OpenID Provider. */
public interface OAuthClientAdministrationUseCase {

    ClientOutcome register(UserId caller, ClientRegistration registration);

    ClientOutcome list(UserId caller);

    ClientOutcome get(UserId caller, String clientId);

    ClientOutcome delete(UserId caller, String clientId);

    /** {@code type} {@code confidential} (the default) or {@code public}; {@code allowedScopes} defaults to {@code openid email profile}. */
    record ClientRegistration(String name, List<String> redirectUris, List<String> postLogoutRedirectUris, String type,
                              List<String> allowedScopes) {
    }

    sealed interface ClientOutcome permits Registered, ClientView, ClientList, ClientDeleted, ClientRejected {
    }

    /** A new client; {@code secret} (confidential clients only) is shown this once and kept only as a digest. */
    record Registered(OAuthClient client, String secret) implements ClientOutcome {
        @Override
        public String toString() {
            return "Registered[" + client + ", secret=redacted]";
        }
    }

    record ClientView(OAuthClient client) implements ClientOutcome {
    }

    record ClientList(List<OAuthClient> clients) implements ClientOutcome {
    }

    record ClientDeleted() implements ClientOutcome {
    }

    /** {@code fields}: the JSON name of each bad setting (with its index) and what is wrong with it. */
    record ClientRejected(ErrorCode code, String detail, List<Problem> fields) implements ClientOutcome {
    }

    record Problem(String field, String message) {
    }
}
