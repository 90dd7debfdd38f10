package org.anpr.central.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/** French, Dutch and English labels: the browser's language first, then the user's choice; no string missing in any. */
class LanguageTest {
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
    void aFrenchBrowserGetsFrenchAndTheUserSwitchesToDutchAndBack() throws Exception {
        try (Browser browser = new Browser(api.port(), "fr-BE")) {
            browser.open("/");
            assertEquals("Connexion", browser.find("form.login h1").getText(), "the browser's language before sign-in");
            browser.signIn("dispatcher1", ApiFixture.PASSWORD);
            assertEquals("Alertes", browser.find("nav a[data-page=alerts]").getText());
            assertEquals("Tableau des alertes", browser.find("main h2").getText());
            assertEquals("fr", browser.js("return document.documentElement.lang"));
            browser.screenshot("alert-board-fr");

            new Select(browser.find("#language")).selectByValue("nl");
            assertEquals("Alarmen", browser.find("nav a[data-page=alerts]").getText());
            assertEquals("Alarmbord", browser.find("main h2").getText());
            assertEquals("Afmelden", browser.find("#sign-out").getText());

            browser.driver.navigate().refresh();
            assertEquals("Alarmbord", browser.find("main h2").getText(), "the choice is remembered in this browser");
            new Select(browser.find("#language")).selectByValue("en");
            assertEquals("Alert board", browser.find("main h2").getText());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void everyLabelExistsInAllThreeLanguages() throws Exception {
        try (Browser browser = new Browser(api.port(), "en")) {
            browser.signIn("viewer1", ApiFixture.PASSWORD);
            @SuppressWarnings("unchecked")
            List<String> missing = (List<String>) browser.js("return window.anprMissingTranslations()");
            assertEquals(List.of(), missing, "every key of every page in en, fr and nl");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void theConsoleIsUsableWithTheKeyboard() throws Exception {
        try (Browser browser = new Browser(api.port(), "en")) {
            browser.open("/");
            browser.find("input[name=name]").sendKeys("viewer1", Keys.TAB);
            browser.driver.switchTo().activeElement().sendKeys(ApiFixture.PASSWORD, Keys.ENTER);
            browser.find("header.top nav");
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertEquals("Skip to content", browser.driver.switchTo().activeElement().getText(), "the first stop is the skip link");
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertTrue(browser.driver.switchTo().activeElement().getAttribute("href").contains("#/"), "then the navigation");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
