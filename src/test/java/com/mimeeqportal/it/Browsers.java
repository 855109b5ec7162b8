package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests. The system's Chromium and chromedriver are used when they
 * are installed (Debian and Ubuntu put them in /usr/bin; Selenium then needs no network). Whatever is
 * missing is left to Selenium Manager, which downloads a browser and a matching driver when the machine
 * is online. If neither works the test fails with a message that says what to install, not with a stack.
 * {@link #open} gives a browser test what it needs beside the browser: the portal's base URI, a wait, and
 * signing in and out through the pages.
 */
final class Browsers {

    static final String HOW_TO_FIX = "Install Chromium and its driver (Debian/Ubuntu: "
            + "sudo apt-get install -y chromium chromium-driver), or run the tests online so that Selenium "
            + "Manager can download Chrome and chromedriver.";

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browsers() {
    }

    /** A headless Chromium on the deployed portal; close it after each test. */
    static Session open(URL deployment) throws IOException {
        WebDriver driver = headlessChromium();
        WebDriverWait waiting = new NavigationTolerantWait(driver);
        // A condition that finds an element and then reads it can catch the page between the two when a click
        // has just started a navigation (the old <html> is gone by the time its lang is read): poll again.
        waiting.ignoring(StaleElementReferenceException.class);
        return new Session(driver, waiting, Fixtures.uri(deployment));
    }

    /**
     * A wait that also polls again when ChromeDriver answers "Node with given id does not belong to the document":
     * its word, instead of a stale element, for an element of a page that is being replaced (seen in CI in
     * LayoutBrowserIT and SalesFlowBrowserIT). Any other error still ends the wait at once.
     */
    private static final class NavigationTolerantWait extends WebDriverWait {

        NavigationTolerantWait(WebDriver driver) {
            super(driver, Duration.ofSeconds(20));
        }

        @Override
        public <V> V until(Function<? super WebDriver, ? extends V> condition) {
            return super.until(driver -> {
                try {
                    return condition.apply(driver);
                } catch (WebDriverException e) {
                    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return null;
                    }
                    throw e;
                }
            });
        }
    }

    /** One browser on the portal under test. */
    record Session(WebDriver driver, WebDriverWait waiting, URI base) implements AutoCloseable {

        /** The header's sign-out button: on every signed-in page, on no other. */
        private static final By SIGN_OUT = By.cssSelector("header form[action$='/logout'] button");

        /**
         * Signs in through the login form and waits for the signed-in page. It waits for the sign-out button, which
         * only a signed-in page has: the login page's header has a navigation too (the language links), so waiting
         * for any {@code header nav} passed on the login page itself, and the next {@code get} could overtake the
         * sign-in POST and land on the login page.
         */
        void signIn(String username, String password) {
            driver.get(base.resolve("login").toString());
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            waiting.until(ExpectedConditions.presenceOfElementLocated(SIGN_OUT));
        }

        /** Signs out with the header's button and waits for the login form. */
        void signOut() {
            driver.findElement(SIGN_OUT).click();
            waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        }

        @Override
        public void close() {
            driver.quit();
        }
    }

    static WebDriver headlessChromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        Optional<File> browser = firstExisting(BROWSERS);
        browser.ifPresent(options::setBinary);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        Optional<File> driver = firstExisting(DRIVERS);
        try {
            if (driver.isPresent()) {
                return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get()).build(),
                        options);
            }
            return new ChromeDriver(options); // Selenium Manager finds or downloads a driver (and Chrome if needed)
        } catch (WebDriverException e) {
            String firstLine = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            fail("No usable Chromium for the browser test (browser " + browser.map(File::getPath).orElse("not found")
                    + ", driver " + driver.map(File::getPath).orElse("not found") + "; " + e.getClass().getSimpleName()
                    + ": " + firstLine + "). " + HOW_TO_FIX);
            throw new AssertionError("unreachable");
        }
    }

    private static Optional<File> firstExisting(List<String> paths) {
        return paths.stream().map(File::new).filter(File::canExecute).findFirst();
    }
}
