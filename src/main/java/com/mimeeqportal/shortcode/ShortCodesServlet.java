package com.mimeeqportal.shortcode;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.input.Text;
import com.mimeeqportal.mimeeq.ConfigurationCode;
import com.mimeeqportal.mimeeq.MimeeqPageServlet;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.ProductId;
import com.mimeeqportal.mimeeq.ShortCode;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /short-codes (SALES and ACCOUNT_ADMIN): generate a short code for a product and configuration code,
 * show it with a copy button, a share link and a QR code, and list the tenant's history (own codes for
 * sales staff, everyone's for admins). /short-codes/qr draws the QR code of a share link.
 */
@WebServlet({"/short-codes", "/short-codes/qr"})
public class ShortCodesServlet extends MimeeqPageServlet {

    static final int PAGE_SIZE = 20;
    private static final String TEMPLATE = "shortcode/list";

    @Inject
    ShortCodes shortCodes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (pathSegments(request, "/short-codes").equals(List.of("qr"))) {
                qr(request, response);
                return;
            }
            Map<String, String> form = form(request, "productId", "configurationCode");
            show(request, response, HttpServletResponse.SC_OK, form, new FormErrors());
        } catch (InvalidInputException e) {
            badRequest(request, response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            generate(request, response);
        } catch (InvalidInputException e) {
            badRequest(request, response, e);
        }
    }

    private void generate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = form(request, "productId", "configurationCode");
        FormErrors errors = new FormErrors();
        ProductId product = errors.check(() -> new ProductId(form.get("productId")));
        ConfigurationCode configuration = errors.check(() -> new ConfigurationCode(form.get("configurationCode")));
        if (errors.any()) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, form, errors);
            return;
        }
        Actor actor = actor(request);
        switch (shortCodes.generate(actor, product, configuration)) {
            case MimeeqResult.Ok<ShortCode> ok -> redirect(request, response, "/short-codes?created=" + ok.value());
            case MimeeqResult.Failed<ShortCode> failed -> renderFailure(request, response, failed.failure(),
                    TEMPLATE, model(request, form, errors));
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> form,
                      FormErrors errors) throws IOException {
        render(request, response, status, TEMPLATE, model(request, form, errors));
    }

    private Map<String, Object> model(HttpServletRequest request, Map<String, String> form, FormErrors errors) {
        Actor actor = actor(request);
        String search = request.getParameter("q") == null || request.getParameter("q").isBlank() ? ""
                : Text.singleLine(request.getParameter("q"), "q", 1, 100);
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("q", search);
        model.put("history", shortCodes.history(actor, search, PageRequest.parse(request.getParameter("page"), PAGE_SIZE)));
        String created = request.getParameter("created");
        if (created != null && "GET".equals(request.getMethod())) {
            ShortCode code = new ShortCode(created);
            model.put("created", code.value());
            model.put("shareLink", shareLink(request, code));
        }
        return model;
    }

    private static void qr(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ShortCode code = new ShortCode(request.getParameter("code"));
        response.setContentType("image/svg+xml");
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.getWriter().write(QrCodes.svg(shareLink(request, code)));
    }

    /** The lookup page of the code on this portal, as someone else of the tenant would open it. */
    static String shareLink(HttpServletRequest request, ShortCode code) {
        String origin = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return origin + request.getContextPath() + "/products/lookup?code=" + code.value();
    }
}
