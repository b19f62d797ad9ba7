package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.OAuthClient;
import java.util.List;
import java.util.Optional;

/** The applications registered with Gatehouse as their OpenID Provider. */
public interface OAuthClients {

    void insert(OAuthClient client);

    Optional<OAuthClient> find(String clientId);

    List<OAuthClient> list();

    boolean delete(String clientId);
}
