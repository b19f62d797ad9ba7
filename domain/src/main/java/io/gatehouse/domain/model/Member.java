package io.gatehouse.domain.model;

import java.time.Instant;

/** A workspace member as the member list shows them. */
public record Member(UserId userId, Email email, String fullName, Role role, Instant joinedAt) {
}
