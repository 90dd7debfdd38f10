package org.anpr.central.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.anpr.central.operator.Totp;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's own account in the console: the second factor set up, then asked for at sign-in; a new password. */
class AccountPageTest {
    @TempDir
    static Path dir;
    static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theSecondFactorIsSetUpInThePageAndThenAskedForAtSignIn() throws Exception {
        ApiFixture.addOperator(api.config, "two-step", "investigator");
        try (Browser browser = new Browser(api.port(), "en")) {
            browser.signIn("two-step", ApiFixture.PASSWORD);
            browser.click("nav a[data-page=account]");
            browser.click("main section.panel button");
            byte[] secret = Totp.fromBase32(browser.find("code.totp-secret").getText());
            browser.type("input[name=code]", Totp.code(secret, Totp.step(System.currentTimeMillis())));
            browser.click("main section.panel form button[type=submit]");
            browser.waitForText(".notice", "second factor is on");
            browser.screenshot("account");
            browser.click("#sign-out");
            browser.type("input[name=name]", "two-step");
            browser.type("input[name=password]", ApiFixture.PASSWORD);
            browser.click("form.login button[type=submit]");
            browser.find("input[name=totp]"); // the page now asks for the code
            browser.type("input[name=totp]", Totp.code(secret, Totp.step(System.currentTimeMillis()) + 1));
            browser.click("form.login button[type=submit]");
            browser.find("header.top nav");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void aNewPasswordEndsTheSessionAndIsTheOneThatWorksAfterwards() throws Exception {
        ApiFixture.addOperator(api.config, "renewer", "viewer");
        try (Browser browser = new Browser(api.port(), "en")) {
            browser.signIn("renewer", ApiFixture.PASSWORD);
            browser.click("nav a[data-page=account]");
            browser.type("input[name=current]", ApiFixture.PASSWORD);
            browser.type("input[name=new]", "an entirely new passphrase");
            browser.click("main form.panel button[type=submit]");
            browser.waitForText(".notice", "Password changed");
            browser.find("form.login"); // the page reloads onto the sign-in page
            assertEquals(401, new ApiClient(api.port()).signIn("renewer", ApiFixture.PASSWORD, null).status());
            assertEquals(201, new ApiClient(api.port()).signIn("renewer", "an entirely new passphrase", null).status());
            assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
        }
    }
}
