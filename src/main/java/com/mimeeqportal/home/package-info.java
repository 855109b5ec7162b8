/** The dashboard at the root: where each role goes next, and the state of the tenant's API key. */
package com.mimeeqportal.home;
