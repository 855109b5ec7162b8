package com.mimeeqportal.web;

import com.mimeeqportal.identity.SignedInUser;
import java.util.Map;

/**
 * Adds variables that the layout shows on every page (such as the invalid-key banner), so features can
 * reach the layout without the web package knowing them.
 */
public interface LayoutContributor {

    void contribute(SignedInUser user, Map<String, Object> layout);
}
