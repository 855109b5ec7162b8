package com.mimeeqportal.catalog;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Messages;
import com.mimeeqportal.mimeeq.MimeeqPageServlet;
import com.mimeeqportal.mimeeq.MimeeqResult;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** /catalog (SALES and ACCOUNT_ADMIN): the products the tenant's key can see, searched and paged. */
@WebServlet("/catalog")
public class CatalogServlet extends MimeeqPageServlet {

    @Inject
    Catalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = actor(request);
        CatalogQuery query;
        try {
            query = CatalogQuery.from(request::getParameter);
        } catch (InvalidInputException e) {
            badRequest(request, response, e);
            return;
        }
        switch (catalog.page(actor, query)) {
            case MimeeqResult.Ok<Catalog.CatalogPage> ok ->
                    render(request, response, "catalog/list", Map.of("catalog", ok.value(), "query", query,
                            "labels", CatalogLabels.in(Messages.locale())));
            case MimeeqResult.Failed<Catalog.CatalogPage> failed ->
                    renderFailure(request, response, failed.failure(), FAILURE_PAGE, Map.of());
        }
    }

    /** The refresh button: drop the cached list and fetch it again. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        catalog.refresh(actor(request).tenant());
        redirect(request, response, "/catalog");
    }
}
