package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;

/** An SSO operation refused: a stable code for the client and a detail saying why. */
public record SsoRefused(ErrorCode code, String detail) implements StartSamlLoginUseCase.StartOutcome,
        ConsumeSamlResponseUseCase.AcsOutcome, EnableSsoUseCase.EnableOutcome, ExternalAccountsUseCase.UnlinkOutcome,
        OidcLoginUseCase.StartOutcome, OidcLoginUseCase.CallbackOutcome, StartSsoLoginUseCase.StartOutcome {
}
