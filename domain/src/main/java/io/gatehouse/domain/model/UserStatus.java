package io.gatehouse.domain.model;

public enum UserStatus implements WireNamed {
    ACTIVE,
    SUSPENDED
}
