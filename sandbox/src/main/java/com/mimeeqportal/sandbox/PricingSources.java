package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the pricing source of a price request. If several are sent, the first present in the order
 * {@code companyId} > {@code priceListIds} > {@code priceListGroup} > {@code templateId} > {@code lang} wins
 * (Mimeeq's documented priority) and the others are ignored, unchecked. A value that names nothing the account has
 * is a 400 naming the parameter. Blank values count as absent.
 */
@ApplicationScoped
public class PricingSources {

    private final PriceLists priceLists;
    private final Companies companies;
    private final EmbedTemplates templates;

    @Inject
    public PricingSources(PriceLists priceLists, Companies companies, EmbedTemplates templates) {
        this.priceLists = priceLists;
        this.companies = companies;
        this.templates = templates;
    }

    /** For CDI's proxy only. */
    protected PricingSources() {
        this.priceLists = null;
        this.companies = null;
        this.templates = null;
    }

    /** The source the request names, or empty if it names none. */
    public Optional<PriceBasis> choose(SandboxAccount account, PriceRequest request) {
        if (!FieldErrors.isBlank(request.companyId())) {
            Company company = companies.find(account, request.companyId())
                    .orElseThrow(() -> unknown("companyId", "company", request.companyId()));
            return Optional.of(PriceBasis.of("companyId", company.priceLists()));
        }
        List<String> ids = request.priceListIdList();
        if (!ids.isEmpty()) {
            List<String> unknownIds = ids.stream().filter(id -> priceLists.list(account, id).isEmpty()).toList();
            if (!unknownIds.isEmpty()) {
                throw unknown("priceListIds", "price list", String.join(",", unknownIds));
            }
            return Optional.of(PriceBasis.of("priceListIds",
                    ids.stream().map(id -> priceLists.list(account, id).orElseThrow()).toList()));
        }
        if (!FieldErrors.isBlank(request.priceListGroup())) {
            return Optional.of(PriceBasis.of("priceListGroup",
                    priceLists.group(account, request.priceListGroup())
                            .orElseThrow(() -> unknown("priceListGroup", "price list group", request.priceListGroup()))));
        }
        if (!FieldErrors.isBlank(request.templateId())) {
            EmbedTemplate template = templates.find(account, request.templateId())
                    .orElseThrow(() -> unknown("templateId", "embed template", request.templateId()));
            return Optional.of(PriceBasis.of("templateId", template.priceListGroup()));
        }
        if (!FieldErrors.isBlank(request.lang())) {
            return Optional.of(PriceBasis.of("lang", priceLists.languageGroup(account, request.lang())
                    .orElseThrow(() -> unknown("lang", "language with a price list group", request.lang()))));
        }
        return Optional.empty();
    }

    private static ApiError.ApiException unknown(String field, String what, String value) {
        return ApiError.validation(field, "No " + what + " '" + value + "' in this account").exception();
    }
}
