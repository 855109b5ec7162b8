package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class PreviewImagesTest {

    private static final Pattern FILL = Pattern.compile("<rect [^>]*fill=\"(#[0-9a-f]{6})\"");

    private final List<SandboxProduct> products =
            new SandboxCatalog(SandboxAccounts.BUILT_IN).availableTo(SandboxAccounts.BUILT_IN.getFirst());

    @Test
    void anImageIsAnSvgDocumentShowingTheProductsInitials() throws Exception {
        SandboxProduct product = products.getFirst();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);

        Document svg = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(PreviewImages.svg(product))));

        assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals(PreviewImages.initials(product.name().en()),
                svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").item(0).getTextContent());
    }

    @Test
    void theColourComesFromTheProductIdSoProductsLookDifferent() {
        long colours = products.stream().map(product -> fill(PreviewImages.svg(product)))
                .collect(Collectors.toSet()).size();

        assertTrue(colours >= 5, "only " + colours + " colours");
        assertEquals(fill(PreviewImages.svg(products.getFirst())), fill(PreviewImages.svg(products.getFirst())));
    }

    @Test
    void initialsAreTheFirstLettersOfUpToThreeWords() {
        assertEquals("OLC", PreviewImages.initials("Oslo Lounge Chair"));
        assertEquals("ÖSC", PreviewImages.initials("Örebro Sofa Compact XL"));
        assertEquals("MS", PreviewImages.initials("Malmö 3D Sofa"));
    }

    private static String fill(String svg) {
        Matcher matcher = FILL.matcher(svg);
        assertTrue(matcher.find(), svg);
        return matcher.group(1);
    }
}
