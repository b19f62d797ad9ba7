package io.gatehouse.app.config;

import io.gatehouse.domain.model.AccountMailPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code GATEHOUSE_ACCOUNT_MAIL_VERIFICATION_LIFETIME}, {@code ..._RESET_LIFETIME}, {@code ..._INVITATION_LIFETIME},
 * {@code ..._MAX_VERIFICATION_MAILS}, {@code ..._MAX_RESETS_PER_EMAIL}, {@code ..._MAX_RESETS_PER_IP}, {@code ..._WINDOW}.
 */
@ConfigurationProperties("gatehouse.account-mail")
public record AccountMailProperties(
        @Bindable(defaultValue = "24h") Duration verificationLifetime,
        @Bindable(defaultValue = "30m") Duration resetLifetime,
        @Bindable(defaultValue = "7d") Duration invitationLifetime,
        @Bindable(defaultValue = "5") int maxVerificationMails,
        @Bindable(defaultValue = "5") int maxResetsPerEmail,
        @Bindable(defaultValue = "30") int maxResetsPerIp,
        @Bindable(defaultValue = "1h") Duration window) {

    public AccountMailPolicy toPolicy() {
        return new AccountMailPolicy(verificationLifetime, resetLifetime, invitationLifetime, maxVerificationMails, maxResetsPerEmail,
                maxResetsPerIp, window);
    }
}
