package com.mimeeqportal.sandbox;

import java.util.List;
import java.util.Objects;

/** A CRM company of an account ({@code COMP-<uuid>}), priced from all its price lists: the cheapest wins. */
record Company(String id, String name, List<PriceList> priceLists) {

    Company {
        if (!Objects.requireNonNull(id, "id").startsWith("COMP-")) {
            throw new IllegalArgumentException("Company ids start with COMP-, not '" + id + "'");
        }
        Objects.requireNonNull(name, "name");
        priceLists = List.copyOf(priceLists);
    }
}
