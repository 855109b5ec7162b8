package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A sales person's whole job in a real browser (headless Chromium, see {@link Browsers}): sign in, filter
 * the catalog, open a product, generate a short code, look it up, price it under two sources, compare them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SalesFlowBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    Browsers.Session chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = Browsers.open(url);
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void salesPersonFindsGeneratesLooksUpPricesAndCompares() {
        chromium.signIn("sales@demo.example", Fixtures.SALES_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Catalog"))).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mode")));
        new Select(browser.findElement(By.id("mode"))).selectByValue("VARIANT");
        new Select(browser.findElement(By.id("own"))).selectByValue("own");
        new Select(browser.findElement(By.id("status"))).selectByValue("ACTIVE");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("mode=VARIANT"));
        List<WebElement> modes = browser.findElements(By.cssSelector("table.products td.mode"));
        assertFalse(modes.isEmpty());
        assertTrue(modes.stream().allMatch(cell -> "VARIANT".equals(cell.getAttribute("data-mode"))
                && cell.getText().equals("Variant")), "the filtered mode, in words");

        WebElement first = browser.findElement(By.cssSelector("table.products td.name a"));
        String productName = first.getText();
        first.click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), productName));

        browser.findElement(By.cssSelector("form[action$='/short-codes'] button[type=submit]")).click();
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created-code"))).getText();
        assertTrue(code.matches("[A-Z0-9]{6}"), code);
        assertTrue(browser.findElement(By.cssSelector("img.qr")).getAttribute("src").contains("/short-codes/qr"));

        browser.findElement(By.cssSelector("section.created a[href*='/products/lookup']")).click();
        assertEquals(productName, wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".lookup-result .product-name"))).getText());

        browser.findElement(By.cssSelector(".lookup-result a[href*='/pricing']")).click();
        String retail = priceWith("group", "retail-eur");
        String trade = priceWith("lists", "PL-DF-TRADE-EUR");
        assertFalse(retail.isBlank());
        assertFalse(trade.isBlank());

        browser.findElement(By.cssSelector("main a[href*='/pricing/compare']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kind1")));
        new Select(browser.findElement(By.id("kind1"))).selectByValue("group");
        browser.findElement(By.id("value1")).sendKeys("retail-eur");
        new Select(browser.findElement(By.id("kind2"))).selectByValue("lists");
        browser.findElement(By.id("value2")).sendKeys("PL-DF-TRADE-EUR");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.comparison")));
        // A GET form: what it sends ends up in the address bar, the history and access logs; never the CSRF token.
        assertTrue(browser.getCurrentUrl().contains("kind1=group"), browser.getCurrentUrl());
        assertFalse(browser.getCurrentUrl().contains("_csrf"), browser.getCurrentUrl());
        assertEquals(2, browser.findElements(By.cssSelector("table.comparison tbody tr")).size());
        assertEquals(1, browser.findElements(By.cssSelector("table.comparison tr.cheapest")).size());
        assertTrue(browser.findElement(By.cssSelector("table.comparison tr.cheapest")).getText().contains("Cheapest"));
    }

    /** Fills the pricing form's source and returns the total shown. */
    private String priceWith(String kind, String value) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sourceKind")));
        new Select(browser.findElement(By.id("sourceKind"))).selectByValue(kind);
        WebElement field = browser.findElement(By.id("sourceValue"));
        field.clear();
        field.sendKeys(value);
        WebElement form = browser.findElement(By.cssSelector("main form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".quote .total"))).getText();
    }
}
