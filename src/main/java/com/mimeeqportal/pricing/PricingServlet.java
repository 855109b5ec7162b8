package com.mimeeqportal.pricing;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.mimeeq.MimeeqGateway;
import com.mimeeqportal.mimeeq.MimeeqPageServlet;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.PriceQuote;
import com.mimeeqportal.mimeeq.PricingSource;
import com.mimeeqportal.mimeeq.Quantity;
import com.mimeeqportal.mimeeq.ShortCode;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * /pricing (SALES and ACCOUNT_ADMIN): the price of a short code at a quantity under exactly one pricing
 * source; /pricing/compare: the same under up to five sources side by side, cheapest marked. Both are
 * GET forms: pricing reads, and a result can be bookmarked. Prices are never cached.
 */
@WebServlet({"/pricing", "/pricing/compare"})
public class PricingServlet extends MimeeqPageServlet {

    static final int MAX_SOURCES = 5;

    /** kind1, value1, … kind5, value5: the comparison form sends them all, blank or not. */
    private static final String[] COMPARE_SOURCE_FIELDS = IntStream.rangeClosed(1, MAX_SOURCES)
            .boxed().flatMap(i -> Stream.of("kind" + i, "value" + i)).toArray(String[]::new);

    @Inject
    MimeeqGateway gateway;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (pathSegments(request, "/pricing").equals(List.of("compare"))) {
            compare(request, response);
        } else {
            price(request, response);
        }
    }

    private void price(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> form = Map.of("code", field(request, "code"), "quantity", quantityField(request),
                "sourceKind", field(request, "sourceKind"), "sourceValue", field(request, "sourceValue"));
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        if (!submitted(request, "sourceKind", "sourceValue")) {
            renderPrefilled(request, response, "pricing/price", model, form, errors);
            return;
        }
        ShortCode code = errors.check("code", () -> new ShortCode(form.get("code")));
        Quantity quantity = errors.check(() -> Quantity.parse(form.get("quantity")));
        PricingSource source = null;
        String[] kinds = request.getParameterValues("sourceKind");
        if (kinds != null && kinds.length > 1 || request.getParameterValues("sourceValue") != null
                && request.getParameterValues("sourceValue").length > 1) {
            errors.add("sourceKind", "validation.pricing.tooManySources");
        } else {
            source = errors.check(() -> PricingSource.parse(form.get("sourceKind"), form.get("sourceValue")));
        }
        if (errors.any()) {
            render(request, response, HttpServletResponse.SC_BAD_REQUEST, "pricing/price", model);
            return;
        }
        model.put("source", source);
        switch (gateway.price(actor(request), code, quantity, source)) {
            case MimeeqResult.Ok<PriceQuote> ok -> {
                model.put("quote", ok.value());
                model.put("quantity", quantity.value());
                model.put("activeLevel", ok.value().activeLevel(quantity).orElse(null));
                render(request, response, "pricing/price", model);
            }
            case MimeeqResult.Failed<PriceQuote> failed ->
                    renderFailure(request, response, failed.failure(), "pricing/price", model);
        }
    }

    private void compare(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> form = new HashMap<>();
        form.put("code", field(request, "code"));
        form.put("quantity", quantityField(request));
        for (int i = 1; i <= MAX_SOURCES; i++) {
            form.put("kind" + i, field(request, "kind" + i));
            form.put("value" + i, field(request, "value" + i));
        }
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        model.put("rows", IntStream.rangeClosed(1, MAX_SOURCES).boxed().toList());
        if (!submitted(request, COMPARE_SOURCE_FIELDS)) {
            renderPrefilled(request, response, "pricing/compare", model, form, errors);
            return;
        }
        ShortCode code = errors.check("code", () -> new ShortCode(form.get("code")));
        Quantity quantity = errors.check(() -> Quantity.parse(form.get("quantity")));
        List<PricingSource> sources = new ArrayList<>();
        for (int i = 1; i <= MAX_SOURCES; i++) {
            String kind = form.get("kind" + i);
            String value = form.get("value" + i);
            if (kind.isBlank() && value.isBlank()) {
                continue;
            }
            try {
                sources.add(PricingSource.parse(kind, value));
            } catch (InvalidInputException e) {
                errors.add(e.field().equals("sourceKind") ? "kind" + i : "value" + i, e.messageKey(),
                        e.arguments().toArray());
            }
        }
        if (sources.isEmpty() && !errors.any()) {
            errors.add("kind1", "validation.pricing.atLeastOne");
        }
        if (errors.any()) {
            render(request, response, HttpServletResponse.SC_BAD_REQUEST, "pricing/compare", model);
            return;
        }
        Actor actor = actor(request);
        List<PriceComparison.Column> columns = sources.stream()
                .map(source -> new PriceComparison.Column(source, gateway.price(actor, code, quantity, source)))
                .toList();
        model.put("comparison", new PriceComparison(quantity, columns));
        render(request, response, "pricing/compare", model);
    }

    /**
     * Whether the form was sent, rather than opened. Both forms are reached three ways: empty from the menu,
     * prefilled by a link (the lookup's and the short codes' "Price it" carry the code, the price page's
     * "Compare sources" the code and the quantity), and sent, which always carries the source fields, blank or
     * not. Only a sent form is asked for a source: a link that opens the form is not an error.
     */
    private static boolean submitted(HttpServletRequest request, String... sourceFields) {
        for (String field : sourceFields) {
            if (request.getParameter(field) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The form as a link opens it. What the link carries is still checked, so that a hand-typed
     * {@code ?quantity=abc} is told why it was not taken (400) instead of being shown back without a word.
     */
    private void renderPrefilled(HttpServletRequest request, HttpServletResponse response, String template,
                                 Map<String, Object> model, Map<String, String> form, FormErrors errors)
            throws IOException {
        if (request.getParameter("code") != null) {
            errors.check("code", () -> new ShortCode(form.get("code")));
        }
        if (request.getParameter("quantity") != null) {
            errors.check(() -> Quantity.parse(form.get("quantity")));
        }
        render(request, response, errors.any() ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK,
                template, model);
    }

    /** Quantity defaults to 1 on a fresh form. */
    private static String quantityField(HttpServletRequest request) {
        String quantity = request.getParameter("quantity");
        return quantity == null ? "1" : quantity;
    }
}
