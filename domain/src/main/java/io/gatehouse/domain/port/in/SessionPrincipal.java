package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.User;

/** An authenticated browser session and the (active) user it belongs to. */
public record SessionPrincipal(User user, Session session) {
}
