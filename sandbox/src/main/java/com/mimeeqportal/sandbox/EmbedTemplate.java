package com.mimeeqportal.sandbox;

import java.util.Objects;

/** An embed template (ids are names, as in Mimeeq's webhooks: {@code Basket}) and the price group it shows guests. */
record EmbedTemplate(String id, PriceListGroup priceListGroup) {

    EmbedTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(priceListGroup, "priceListGroup");
    }
}
