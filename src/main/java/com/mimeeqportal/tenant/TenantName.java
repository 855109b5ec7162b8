package com.mimeeqportal.tenant;

import com.mimeeqportal.input.Text;

/** A tenant's display name: 2 to 120 printable characters, trimmed. */
public record TenantName(String value) {

    public TenantName {
        value = Text.singleLine(value, "name", 2, 120);
    }
}
