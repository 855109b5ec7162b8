package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.Configuration.Selection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code configurationCode} parameter of the generate endpoint: base64 (as the only documented version
 * of the endpoint wants it) of {@code &}-joined {@code Block-optionCode} pairs.
 */
final class ConfigurationCodes {

    static final String FIELD = "configurationCode";
    /** Standard or URL-safe alphabet, padding optional; a space means a '+' that was not percent-encoded. */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");
    private static final Pattern PART = Pattern.compile("([A-Za-z]+)-([a-z][0-9]+)");

    private ConfigurationCodes() {
    }

    /**
     * The decoded configuration code text. Decoding is strict: a client that forgets to percent-encode '+' (which
     * then arrives as a space) should learn it here, not from the real API.
     */
    static Optional<String> decode(String base64, FieldErrors errors) {
        if (FieldErrors.isBlank(base64)) {
            errors.add(FIELD, "configurationCode is required (base64 of the configuration code)");
            return Optional.empty();
        }
        if (!BASE64.matcher(base64).matches()) {
            errors.add(FIELD, "configurationCode must be base64; percent-encode '+', '/' and '=' in the query");
            return Optional.empty();
        }
        try {
            String unpadded = base64.replace("=", "");
            byte[] bytes = base64.contains("-") || base64.contains("_")
                    ? Base64.getUrlDecoder().decode(unpadded)
                    : Base64.getDecoder().decode(unpadded);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            errors.add(FIELD, "configurationCode is not valid base64 of UTF-8 text");
            return Optional.empty();
        }
    }

    /**
     * The configuration a code chooses for {@code product}. Every part must name a block of the product and an option
     * of that block, each block at most once; blocks the code leaves out keep their default option, and the result
     * is normalised to the product's block order, so that {@code Colour-a1&Fabric-a7} and {@code Fabric-a7&Colour-a1}
     * get the same short code.
     */
    static Configuration parse(SandboxProduct product, String code) {
        Map<String, SandboxOption> chosen = new LinkedHashMap<>();
        for (String part : code.split("&", -1)) {
            var matcher = PART.matcher(part);
            if (!matcher.matches()) {
                throw invalid("'" + part + "' is not a Block-optionCode pair, as in Fabric-a7");
            }
            SandboxBlock block = product.blocks().stream()
                    .filter(candidate -> candidate.code().equals(matcher.group(1)))
                    .findFirst()
                    .orElseThrow(() -> invalid("the product has no block '" + matcher.group(1) + "'"));
            SandboxOption option = block.options().stream()
                    .filter(candidate -> candidate.code().equals(matcher.group(2)))
                    .findFirst()
                    .orElseThrow(() -> invalid("block " + block.code() + " has no option '" + matcher.group(2) + "'"));
            if (chosen.put(block.code(), option) != null) {
                throw invalid("block " + block.code() + " is chosen more than once");
            }
        }
        List<Selection> selections = new ArrayList<>();
        for (SandboxBlock block : product.blocks()) {
            selections.add(new Selection(block, chosen.getOrDefault(block.code(), block.defaultOption())));
        }
        return new Configuration(product, selections);
    }

    static String encode(String code) {
        return Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiError.ApiException invalid(String why) {
        return ApiError.validation(FIELD, "configurationCode: " + why).exception();
    }
}
