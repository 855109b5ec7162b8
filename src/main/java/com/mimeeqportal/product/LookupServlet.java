package com.mimeeqportal.product;

import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.mimeeq.MimeeqGateway;
import com.mimeeqportal.mimeeq.MimeeqPageServlet;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.ProductInfo;
import com.mimeeqportal.mimeeq.Quantity;
import com.mimeeqportal.mimeeq.ShortCode;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * /products/lookup (SALES and ACCOUNT_ADMIN): what a short code stands for: the product, its options per
 * block and, for a modular scene, its components with their own short codes. A GET form, so a lookup
 * can be bookmarked and shared.
 */
@WebServlet("/products/lookup")
public class LookupServlet extends MimeeqPageServlet {

    @Inject
    MimeeqGateway gateway;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String typed = field(request, "code");
        Map<String, Object> model = new HashMap<>();
        model.put("code", typed);
        FormErrors errors = new FormErrors();
        model.put("errors", errors);
        if (request.getParameter("code") == null) {
            render(request, response, "product/lookup", model);
            return;
        }
        ShortCode code = errors.check("code", () -> new ShortCode(typed));
        if (code == null) {
            render(request, response, HttpServletResponse.SC_BAD_REQUEST, "product/lookup", model);
            return;
        }
        model.put("shortCode", code.value());
        switch (gateway.productInfo(actor(request), code, Quantity.ONE)) {
            case MimeeqResult.Ok<ProductInfo> ok -> {
                model.put("info", ok.value());
                render(request, response, "product/lookup", model);
            }
            case MimeeqResult.Failed<ProductInfo> failed ->
                    renderFailure(request, response, failed.failure(), "product/lookup", model);
        }
    }
}
