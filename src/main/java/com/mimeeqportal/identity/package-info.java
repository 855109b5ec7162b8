/**
 * Who a request acts for: the tenant id that binds every database session, the username and role, the
 * signed-in user and the language and time zone they chose, both kept in the HTTP session, and the
 * {@link com.mimeeqportal.identity.Actor} that services take and audit entries name. Shared by every feature, so it depends only on {@code input}.
 */
package com.mimeeqportal.identity;
