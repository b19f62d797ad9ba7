package io.gatehouse.api.pages;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.gatehouse.domain.port.in.ApiTokenUseCase.CreateRejected;
import io.gatehouse.domain.port.in.ApiTokenUseCase.Created;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase.GeneratedApiAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets section of {@code /account}: API tokens (create, with the secret shown once; delete) and the
 * developer API key (a new pair, the secret shown once; the previous pair stops working), on the use cases of
 * {@code /api/v1/me/api-tokens} and {@code /api/v1/developer/api-access}.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class AccountTokensPageController {

    private final AccountPages pages;
    private final ApiTokenUseCase apiTokens;
    private final DeveloperApiAccessUseCase developerAccess;

    AccountTokensPageController(AccountPages pages, ApiTokenUseCase apiTokens, DeveloperApiAccessUseCase developerAccess) {
        this.pages = pages;
        this.apiTokens = apiTokens;
        this.developerAccess = developerAccess;
    }

    @Post(value = AccountPages.CREATE_TOKEN, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createToken(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return pages.act(http, authentication, AccountPages.CREATE_TOKEN, form.get(FormTokens.FIELD), caller -> {
            String note = PageForms.field(form, "note", ApiToken.MAX_NOTE_LENGTH).strip();
            return switch (apiTokens.create(caller.userId(), note.isEmpty() ? null : note, null, Optional.empty())) {
                case Created created -> pages.render(http, caller, HttpStatus.CREATED,
                        new AccountPages.Flash(created.secret(), null, null, null, null));
                case CreateRejected rejected -> pages.render(http, caller, HttpStatus.BAD_REQUEST, AccountPages.Flash.error(
                        new FieldError("note", rejected.code().code(), Messages.of(rejected.code()))));
            };
        });
    }

    @Post(value = AccountPages.DELETE_TOKEN, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteToken(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return pages.act(http, authentication, AccountPages.DELETE_TOKEN, form.get(FormTokens.FIELD), caller -> {
            PageSessions.id(form.get("id")).ifPresent(id -> apiTokens.delete(caller.userId(), new ApiTokenId(id)));
            return LoginPageController.seeOther(AccountPages.PATH);
        });
    }

    @Post(value = AccountPages.NEW_API_KEY, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> newApiKey(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return pages.act(http, authentication, AccountPages.NEW_API_KEY, form.get(FormTokens.FIELD), caller -> {
            GeneratedApiAccess generated = developerAccess.generate(caller.userId());
            return pages.render(http, caller, HttpStatus.CREATED, new AccountPages.Flash(null, generated.apiKey(), generated.apiSecret(), null, null));
        });
    }
}
