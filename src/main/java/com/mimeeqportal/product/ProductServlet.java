package com.mimeeqportal.product;

import com.mimeeqportal.catalog.Catalog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.mimeeq.MimeeqPageServlet;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.ProductId;
import com.mimeeqportal.mimeeq.ProductSummary;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /catalog/{productId} (SALES and ACCOUNT_ADMIN): one product of the tenant's catalog, and the form that
 * generates a short code for its default or a typed configuration code. A product the tenant's key
 * cannot see answers 404, like any id of another tenant.
 */
@WebServlet("/catalog/*")
public class ProductServlet extends MimeeqPageServlet {

    @Inject
    Catalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = actor(request);
        ProductId id;
        try {
            List<String> path = pathSegments(request, "/catalog");
            id = new ProductId(path.size() == 1 ? path.get(0) : "");
        } catch (InvalidInputException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        switch (catalog.product(actor, id)) {
            case MimeeqResult.Ok<ProductSummary> ok -> {
                Map<String, Object> model = new HashMap<>();
                model.put("product", ok.value());
                model.put("configurationCode", ok.value().defaultConfigurationCode() == null ? ""
                        : ok.value().defaultConfigurationCode());
                model.put("errors", new FormErrors());
                render(request, response, "product/detail", model);
            }
            case MimeeqResult.Failed<ProductSummary> failed ->
                    renderFailure(request, response, failed.failure(), FAILURE_PAGE, Map.of());
        }
    }
}
