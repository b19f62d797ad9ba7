package io.gatehouse.domain.service;

import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.AdministerSigningKeysUseCase;
import io.gatehouse.domain.port.out.SigningKeyRotation;
import io.gatehouse.domain.port.out.Users;
import java.util.Optional;

public final class SigningKeyAdministrationService implements AdministerSigningKeysUseCase {

    private final Users users;
    private final SigningKeyRotation rotation;

    public SigningKeyAdministrationService(Users users, SigningKeyRotation rotation) {
        this.users = users;
        this.rotation = rotation;
    }

    @Override
    public Optional<String> rotate(UserId actor) {
        boolean admin = users.findById(actor).map(User::isActiveInstanceAdmin).orElse(false);
        return admin ? Optional.of(rotation.rotate()) : Optional.empty();
    }
}
