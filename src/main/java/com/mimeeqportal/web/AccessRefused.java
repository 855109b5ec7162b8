package com.mimeeqportal.web;

import com.mimeeqportal.identity.Actor;

/**
 * A signed-in person was refused a page of another role (web.xml). Fired as a CDI event by the error
 * page so the refusal is audited by a service, not by the page.
 */
public record AccessRefused(Actor actor, String target) {
}
