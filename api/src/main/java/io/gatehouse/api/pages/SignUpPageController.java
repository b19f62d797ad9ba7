package io.gatehouse.api.pages;

import io.gatehouse.domain.port.in.SignUpUseCase;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpRejected;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/** {@code /signup}: the sign-up use case of {@code POST /api/v1/signup}, then a page that says to check the mailbox. */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class SignUpPageController {

    static final String ACTION = "/signup";

    private final SignUpUseCase signUp;
    private final PageForms forms;

    SignUpPageController(SignUpUseCase signUp, PageForms forms) {
        this.signUp = signUp;
        this.forms = forms;
    }

    @Get(ACTION)
    HttpResponse<?> show(HttpRequest<?> http) {
        return forms.show(http, "signup", ACTION, Map.of(), "");
    }

    @Post(value = ACTION, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> http, @Body Map<String, String> form) {
        Map<String, String> values = Map.of("email", PageForms.field(form, "email", 320).strip(),
                "full_name", PageForms.field(form, "full_name", 200).strip());
        return forms.handle(http, form, "signup", ACTION, values, "", () -> switch (signUp.signUp(new SignUpCommand(values.get("email"),
                PageForms.field(form, "password", 4096), values.get("full_name").isEmpty() ? null : values.get("full_name"), null))) {
            case SignedUp signedUp -> forms.notice(HttpStatus.CREATED, new NoticePage("Check your email",
                    "We sent a link to " + signedUp.user().email().value() + ". Open it to confirm the address, then sign in.",
                    LoginPageController.ACTION, "Sign in"));
            case SignUpRejected rejected -> forms.refused(http, "signup", ACTION, values, "", HttpStatus.BAD_REQUEST,
                    new FieldError(rejected.field() == null ? "email" : rejected.field(), rejected.code().code(),
                            Messages.of(rejected.code())));
        });
    }
}
