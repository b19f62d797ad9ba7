package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every page, checked in Chromium by axe-core (Deque's accessibility rules engine, from the npm registry, installed
 * by bin/test) against its WCAG 2.0, 2.1 and 2.2 level A and AA rules: names and labels, contrast (in the light
 * scheme, and in the dark one), landmarks, headings, ARIA use. The engine runs as a DevTools script (which the pages' CSP does not govern),
 * in a browser with JavaScript on, since it needs the page's event loop.
 */
class AccessibilityBrowserTest extends BrowserTestBase {

    private static final Path AXE = Path.of("src", "test", "node", "node_modules", "axe-core", "axe.min.js");

    private final Browser scripted = Browser.open(origin(), true);

    @AfterAll
    void closeScripted() {
        scripted.close();
    }

    @Test
    void everyPageMeetsTheWcagRulesAxeChecks() {
        String axe = axe();
        for (String path : List.of("/login", "/signup", "/forgot-password", "/reset-password?token=x", "/verify-email?token=x",
                "/link-account")) {
            assertThat(scripted.go(path).accessibilityViolations(axe)).as(path).isEmpty();
        }
        // The engine does find what it should: the sign-in page without its field's label fails.
        scripted.go("/login").run("document.querySelector('label[for=email]').remove()");
        assertThat(scripted.accessibilityViolations(axe)).anySatisfy(violation -> assertThat(violation).startsWith("label:"));

        scripted.go("/login").type("email", "nobody@example.com").submit("email");
        assertThat(scripted.accessibilityViolations(axe)).as("/login, password step").isEmpty();

        Map<String, Object> created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"a11y@example.com\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":\"Access\"}").expect(201).json();
        gatehouse.verifyEmail("a11y@example.com");
        String workspace = (String) ((Map<?, ?>) created.get("workspace")).get("id");
        scripted.go("/login").type("email", "a11y@example.com").submit("email").type("password", PASSWORD).submit("password");
        for (String path : List.of("/account", "/invitations", "/workspaces/" + workspace + "/settings")) {
            assertThat(scripted.go(path).accessibilityViolations(axe)).as(path).isEmpty();
        }
        // The dark scheme has colours of its own: their contrast is checked too.
        scripted.darkScheme(true);
        assertThat(scripted.go("/login").evaluate("return getComputedStyle(document.body).backgroundColor"))
                .as("the dark scheme is the one shown").isEqualTo("rgb(15, 19, 24)");
        for (String path : List.of("/login", "/account", "/workspaces/" + workspace + "/settings", "/invitations")) {
            assertThat(scripted.go(path).accessibilityViolations(axe)).as(path + ", dark").isEmpty();
        }
        scripted.darkScheme(false);
    }

    private static String axe() {
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException("axe-core is not installed: run bin/test, which installs src/test/node's npm packages");
        }
        try {
            return Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
