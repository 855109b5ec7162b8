package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mimeeqportal.input.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value objects between the pricing and short-code forms and Mimeeq. */
class MimeeqValuesTest {

    @Test
    void shortCodesAreSixLettersOrDigitsInUpperCase() {
        assertEquals("F95SNI", new ShortCode(" f95sni ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "F95SN", "F95SNIX", "F95-NI", "<b>x</b>", "ÄÖÜ123"})
    void malformedShortCodesAreRefused(String raw) {
        assertThrows(InvalidInputException.class, () -> new ShortCode(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1e9", "1000001", "text", "2.5", " ", "99999999999"})
    void quantitiesOutOfRangeOrNotWholeNumbersAreRefused(String raw) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Quantity.parse(raw));
        assertEquals("quantity", e.field());
    }

    @Test
    void quantitiesInRangeAreRead() {
        assertEquals(1, Quantity.parse("1").value());
        assertEquals(1_000_000, Quantity.parse(" 1000000 ").value());
    }

    @Test
    void configurationCodesAreBlockOptionPairsAndTravelAsBase64() {
        ConfigurationCode code = new ConfigurationCode("Fabric-a7&Colour-a1");
        assertEquals("RmFicmljLWE3JkNvbG91ci1hMQ==", code.base64());
        for (String bad : new String[] {"Fabric", "Fabric-a7&", "a-b&<script>", "x".repeat(3000)}) {
            assertThrows(InvalidInputException.class, () -> new ConfigurationCode(bad), bad);
        }
    }

    @Test
    void exactlyOnePricingSourceBecomesOneQueryParameter() {
        assertEquals(Map.of("priceListGroup", "retail-eu"), PricingSource.parse("group", "retail-eu").parameter());
        assertEquals(Map.of("priceListIds", "PL-1,PL-2"), PricingSource.parse("lists", "PL-1, PL-2,").parameter());
        assertEquals(Map.of("companyId", "COMP-1"), PricingSource.parse("company", "COMP-1").parameter());
        assertEquals(Map.of("templateId", "Basket"), PricingSource.parse("template", "Basket").parameter());
        assertInstanceOf(PricingSource.PriceLists.class, PricingSource.parse("LISTS", "a"));
        assertEquals("sourceKind", assertThrows(InvalidInputException.class,
                () -> PricingSource.parse("lang", "de")).field());
        assertEquals("sourceValue", assertThrows(InvalidInputException.class,
                () -> PricingSource.parse("company", "COMP 1; drop")).field());
        assertEquals("sourceValue", assertThrows(InvalidInputException.class,
                () -> PricingSource.parse("group", "")).field());
    }
}
