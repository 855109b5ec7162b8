package com.mimeeqportal.home;

import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The dashboard at the root: where to go next, and whether the tenant's key is set. */
@WebServlet("")
public class HomeServlet extends PageServlet {

    @Inject
    ApiKeys apiKeys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // web.xml's empty-string pattern does not protect the root on every container, so check here too.
        Optional<SignedInUser> signedIn = RequestAttributes.signedInUser(request);
        if (signedIn.isEmpty()) {
            redirect(request, response, "/login");
            return;
        }
        SignedInUser user = signedIn.get();
        Map<String, Object> model = new HashMap<>();
        if (!user.operator()) {
            model.put("keyStatus", apiKeys.status(user.tenantId()).orElse(null));
        }
        render(request, response, "home", model);
    }
}
