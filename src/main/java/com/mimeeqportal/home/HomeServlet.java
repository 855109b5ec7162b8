package com.mimeeqportal.home;

import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** The dashboard at the root: what each role needs to know first, and where to go next. */
@WebServlet("")
public class HomeServlet extends PageServlet {

    @Inject
    Dashboard dashboard;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // web.xml's empty-string pattern does not protect the root on every container, so check here too.
        Optional<SignedInUser> signedIn = RequestAttributes.signedInUser(request);
        if (signedIn.isEmpty()) {
            redirect(request, response, "/login");
            return;
        }
        SignedInUser user = signedIn.get();
        render(request, response, "home", user.operator() ? dashboard.forOperator()
                : dashboard.forTenant(actor(request)));
    }
}
