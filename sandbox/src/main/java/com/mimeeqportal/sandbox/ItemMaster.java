package com.mimeeqportal.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A stock item a configuration is built from, with the fields Mimeeq exposes through the API: code, delivery time,
 * dimensions (cm, kg) and volume. The sandbox makes one per chosen option, from the product's variant code, the
 * block and the option, so the same option of the same product is always the same item.
 */
record ItemMaster(String code, int deliveryTime, Dimensions dimensions) {

    record Dimensions(int width, int depth, int height, int weight) {
    }

    ItemMaster {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(dimensions, "dimensions");
    }

    /** Volume in cubic metres, to three decimals. */
    BigDecimal m3() {
        BigDecimal cubicCentimetres = BigDecimal.valueOf((long) dimensions.width() * dimensions.depth()
                * dimensions.height());
        return cubicCentimetres.movePointLeft(6).setScale(3, RoundingMode.HALF_UP);
    }

    static List<ItemMaster> of(Configuration configuration) {
        String variantCode = configuration.product().variantCode();
        return configuration.selections().stream().map(selection -> {
            String code = variantCode + "-" + abbreviation(selection.block()) + "-"
                    + selection.option().code().toUpperCase(Locale.ROOT);
            return new ItemMaster(code, Draws.between(code + "/delivery", 5, 45), new Dimensions(
                    Draws.between(code + "/width", 30, 240), Draws.between(code + "/depth", 30, 110),
                    Draws.between(code + "/height", 5, 200), Draws.between(code + "/weight", 1, 60)));
        }).toList();
    }

    /** The configuration's delivery time: it ships when its slowest item is in, in days. */
    static int deliveryDays(Configuration configuration) {
        return of(configuration).stream().mapToInt(ItemMaster::deliveryTime).max().orElseThrow();
    }

    private static String abbreviation(SandboxBlock block) {
        return block.code().substring(0, Math.min(3, block.code().length())).toUpperCase(Locale.ROOT);
    }
}
