package io.gatehouse.app.wiring;

import io.gatehouse.app.config.AccountMailProperties;
import io.gatehouse.app.config.GatehouseProperties;
import io.gatehouse.app.config.MailProperties;
import io.gatehouse.app.config.SmtpProperties;
import io.gatehouse.domain.model.AccountMailPolicy;
import io.gatehouse.domain.model.MailPolicy;
import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.port.out.ApiTokens;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.BackgroundTasks;
import io.gatehouse.domain.port.out.ClientAttempts;
import io.gatehouse.domain.port.out.DeveloperApiKeys;
import io.gatehouse.domain.port.out.EmailTokens;
import io.gatehouse.domain.port.out.Invitations;
import io.gatehouse.domain.port.out.MailOutbox;
import io.gatehouse.domain.port.out.MailTransport;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import io.gatehouse.domain.service.AccountMessages;
import io.gatehouse.domain.service.AttemptLimiter;
import io.gatehouse.domain.service.EmailOwnershipService;
import io.gatehouse.domain.service.InvitationService;
import io.gatehouse.domain.service.MailDispatcher;
import io.gatehouse.domain.service.UnverifiedAccountTakeover;
import io.gatehouse.mail.EmlFileMailTransport;
import io.gatehouse.mail.SmtpMailTransport;
import io.gatehouse.mail.SmtpSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Verified claims on mailboxes: the outbox and its sender, email verification, password reset, invitations. */
@Factory
class AccountMailFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMailFactory.class);

    @Context
    AccountMailPolicy accountMailPolicy(AccountMailProperties properties) {
        return properties.toPolicy();
    }

    @Context
    MailPolicy mailPolicy(MailProperties properties) {
        return properties.toPolicy();
    }

    @Singleton
    AccountMessages accountMessages(PublicUrl publicUrl) {
        return new AccountMessages(publicUrl);
    }

    @Singleton
    AttemptLimiter attemptLimiter(ClientAttempts attempts, Clock clock) {
        return new AttemptLimiter(attempts, clock);
    }

    /** Work after the answer, on the blocking pool; a failure is logged by its kind only (it may concern a person's address). */
    @Singleton
    BackgroundTasks backgroundTasks(@Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        return task -> executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("A background task failed: {}", e.getClass().getName());
            }
        });
    }

    @Singleton
    EmailOwnershipService emailOwnership(Users users, EmailTokens tokens, MailOutbox outbox, AccountMessages messages, Sessions sessions,
                                         PasswordHasher hasher, PasswordPolicy passwordPolicy, AttemptLimiter limiter,
                                         BackgroundTasks background, Transactions transactions, AccountMailPolicy policy,
                                         SecureRandom random, Clock clock) {
        return new EmailOwnershipService(users, tokens, outbox, messages, sessions, hasher, passwordPolicy, limiter, background,
                transactions, policy, random, clock);
    }

    @Singleton
    InvitationService invitations(Invitations invitations, Workspaces workspaces, Memberships memberships, Users users, MailOutbox outbox,
                                  AccountMessages messages, AuditLog audit, Transactions transactions, AccountMailPolicy policy,
                                  Clock clock) {
        return new InvitationService(invitations, workspaces, memberships, users, outbox, messages, audit, transactions, policy, clock);
    }

    @Singleton
    UnverifiedAccountTakeover unverifiedAccountTakeover(Users users, Sessions sessions, ApiTokens apiTokens,
                                                        DeveloperApiKeys developerApiKeys, EmailTokens tokens, Clock clock) {
        return new UnverifiedAccountTakeover(users, sessions, apiTokens, developerApiKeys, tokens, clock);
    }

    /** An SMTP relay when GATEHOUSE_SMTP_HOST is set; otherwise .eml files under the data directory (never the log). */
    @Singleton
    MailTransport mailTransport(SmtpProperties smtp, MailProperties mail, GatehouseProperties gatehouse, PublicUrl publicUrl,
                                @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        String from = mail.from() == null || mail.from().isBlank() ? "Gatehouse <no-reply@" + publicUrl.uri().getHost() + ">" : mail.from();
        if (smtp.host() == null || smtp.host().isBlank()) {
            Path directory = Path.of(gatehouse.dataDir(), "outbox");
            LOG.info("GATEHOUSE_SMTP_HOST is not set: outgoing mail is written as .eml files to {}", directory.toAbsolutePath());
            return new EmlFileMailTransport(directory, from);
        }
        return new SmtpMailTransport(new SmtpSettings(smtp.host(), smtp.port(), smtp.username(), smtp.password(), smtp.starttls(), from,
                smtp.timeout()), executor);
    }

    @Singleton
    MailDispatcher mailDispatcher(MailOutbox outbox, MailTransport transport, MailPolicy policy, Clock clock) {
        return new MailDispatcher(outbox, transport, policy, clock);
    }
}
