package com.mimeeqportal.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The words the generated catalog is made of, so that products read like a furniture maker's range: kinds of
 * furniture with the blocks they can be configured by, series names, editions, manufacturers and designers.
 */
final class FurnitureWords {

    /** A configurable part and every option a product of any series may offer for it. */
    record BlockWords(LocalizedText name, List<LocalizedText> options) {

        /** Mimeeq's block code is the name without spaces: "Castors and Glides" → {@code CastorsandGlides}. */
        String code() {
            return name.en().replaceAll("[^A-Za-z]", "");
        }
    }

    /** A kind of furniture, e.g. "Lounge Chair", with its collection and the blocks it is configured by. */
    record Kind(LocalizedText name, String abbreviation, String collection, boolean modular, List<BlockWords> blocks) {
    }

    private static final BlockWords FABRIC = block("Fabric", "Stoff",
            "Charcoal Grey", "Anthrazit", "Sand", "Sand", "Forest Green", "Waldgrün", "Navy Blue", "Marineblau",
            "Terracotta", "Terrakotta", "Oatmeal", "Haferbeige", "Mustard", "Senfgelb", "Dove Grey", "Taubengrau",
            "Bouclé White", "Bouclé Weiß");
    private static final BlockWords COLOUR = block("Colour", "Farbe",
            "Black", "Schwarz", "White", "Weiß", "Natural Oak", "Eiche natur", "Walnut", "Nussbaum",
            "Brushed Steel", "Edelstahl gebürstet", "Brass", "Messing", "Sage Green", "Salbeigrün");
    private static final BlockWords LEGS = block("Legs", "Beine",
            "Oak Legs", "Eichenbeine", "Black Steel Legs", "Stahlbeine schwarz", "Chrome Legs", "Chrombeine",
            "Sled Base", "Kufengestell", "Swivel Base", "Drehfuß");
    private static final BlockWords TOP = block("Top", "Platte",
            "Oak Veneer", "Eichenfurnier", "Walnut Veneer", "Nussbaumfurnier", "Forest Linoleum", "Linoleum Wald",
            "Carrara Marble", "Carrara-Marmor", "White Laminate", "Schichtstoff weiß", "Smoked Glass", "Rauchglas");
    private static final BlockWords SIZE = block("Size", "Größe",
            "Small", "Klein", "Medium", "Mittel", "Large", "Groß", "Extra Large", "Extragroß");
    private static final BlockWords HANDLES = block("Handles", "Griffe",
            "Push to Open", "Push-to-open", "Leather Loops", "Lederschlaufen", "Brass Knobs", "Messingknöpfe",
            "Recessed Grips", "Griffmulden");
    private static final BlockWords ARMRESTS = block("Armrests", "Armlehnen",
            "Without Armrests", "Ohne Armlehnen", "Fixed Armrests", "Feste Armlehnen",
            "Adjustable Armrests", "Verstellbare Armlehnen");
    private static final BlockWords CASTORS = block("Castors and Glides", "Rollen und Gleiter",
            "Hard Castors", "Harte Rollen", "Soft Castors", "Weiche Rollen", "Felt Glides", "Filzgleiter",
            "Plastic Glides", "Kunststoffgleiter");
    private static final BlockWords SHADE = block("Shade", "Schirm",
            "Opal Glass", "Opalglas", "Linen", "Leinen", "Perforated Metal", "Lochblech", "Rattan", "Rattan");

    static final List<Kind> KINDS = List.of(
            kind("Lounge Chair", "Loungesessel", "LCH", "Living", false, FABRIC, LEGS),
            kind("Armchair", "Sessel", "ARM", "Living", false, FABRIC, LEGS),
            kind("Sofa", "Sofa", "SOF", "Living", false, FABRIC, LEGS, SIZE),
            kind("Modular Sofa", "Modulsofa", "MSO", "Living", true, FABRIC, LEGS),
            kind("Sectional Sofa", "Ecksofa", "SEC", "Living", true, FABRIC, SIZE),
            kind("Coffee Table", "Couchtisch", "CTB", "Living", false, TOP, COLOUR),
            kind("Side Table", "Beistelltisch", "STB", "Living", false, TOP, COLOUR),
            kind("Dining Chair", "Esszimmerstuhl", "DCH", "Dining", false, FABRIC, COLOUR),
            kind("Dining Table", "Esstisch", "DTB", "Dining", false, TOP, LEGS, SIZE),
            kind("Bar Stool", "Barhocker", "BST", "Dining", false, COLOUR, FABRIC),
            kind("Bench", "Sitzbank", "BEN", "Dining", false, TOP, COLOUR),
            kind("Sideboard", "Sideboard", "SDB", "Storage", false, COLOUR, HANDLES, SIZE),
            kind("Bookshelf", "Bücherregal", "BKS", "Storage", false, COLOUR, SIZE),
            kind("Shelving System", "Regalsystem", "SHS", "Storage", true, COLOUR, HANDLES),
            kind("Wardrobe", "Kleiderschrank", "WRD", "Bedroom", false, COLOUR, HANDLES, SIZE),
            kind("Bed", "Bett", "BED", "Bedroom", false, FABRIC, LEGS, SIZE),
            kind("Office Chair", "Bürostuhl", "OCH", "Office", false, FABRIC, ARMRESTS, CASTORS),
            kind("Desk", "Schreibtisch", "DSK", "Office", false, TOP, COLOUR, SIZE),
            kind("Workstation", "Arbeitsplatz", "WST", "Office", true, TOP, COLOUR),
            kind("Conference Table", "Konferenztisch", "CNF", "Office", false, TOP, LEGS, SIZE),
            kind("Acoustic Panel", "Akustikpaneel", "ACP", "Office", true, FABRIC, SIZE),
            kind("Pendant Lamp", "Pendelleuchte", "PLA", "Lighting", false, SHADE, COLOUR),
            kind("Floor Lamp", "Stehleuchte", "FLA", "Lighting", false, SHADE, COLOUR));

    /** Place names, the same in both languages; some are not ASCII, so clients' text handling gets exercised. */
    static final List<String> SERIES = List.of(
            "Oslo", "Bergen", "Malmö", "Aarhus", "Turku", "Lund", "Tromsø", "Riga", "Tallinn", "Gdańsk",
            "Como", "Siena", "Verona", "Lucca", "Porto", "Sintra", "Lyon", "Nantes", "Gent", "Delft",
            "Bremen", "Lübeck", "Graz", "Linz", "Basel", "Zermatt", "Kyoto", "Nara", "Sapporo", "Bilbao");

    static final List<LocalizedText> EDITIONS = List.of(
            new LocalizedText("Classic", "Classic"), new LocalizedText("Compact", "Kompakt"),
            new LocalizedText("Outdoor", "Outdoor"), new LocalizedText("XL", "XL"),
            new LocalizedText("Soft", "Soft"));

    static final List<String> MANUFACTURERS = List.of(
            "Nordform", "Holzwerk Bremen", "Atelier Lumen", "Oakline Furniture", "Studio Kanto", "Acme Works");

    static final List<String> DESIGNERS = List.of(
            "Ingrid Solberg", "Matteo Ricci", "Jonas Weber", "Aiko Tanaka", "Camille Laurent",
            "Lars Eriksen", "Sofia Márquez", "Henrik Dahl", "Eva Novak", "Tomasz Kowalski");

    private FurnitureWords() {
    }

    /** A block from its name and its options, each given as an English and a German word in turn. */
    private static BlockWords block(String en, String de, String... optionWords) {
        List<LocalizedText> options = new ArrayList<>();
        for (int i = 0; i < optionWords.length; i += 2) {
            options.add(new LocalizedText(optionWords[i], optionWords[i + 1]));
        }
        return new BlockWords(new LocalizedText(en, de), List.copyOf(options));
    }

    private static Kind kind(String en, String de, String abbreviation, String collection, boolean modular,
                             BlockWords... blocks) {
        return new Kind(new LocalizedText(en, de), abbreviation, collection, modular, List.of(blocks));
    }
}
