package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every account's embed templates. Their ids are names, as Mimeeq's basket webhook shows ({@code "Basket"}); each
 * assigns the public price group guests of that embed are priced from.
 */
@ApplicationScoped
public class EmbedTemplates {

    private final Map<String, List<EmbedTemplate>> byAccount;

    @Inject
    public EmbedTemplates(SandboxAccounts accounts, PriceLists priceLists) {
        this(accounts.accounts(), priceLists);
    }

    EmbedTemplates(List<SandboxAccount> accounts, PriceLists priceLists) {
        this.byAccount = accounts.stream().collect(Collectors.toUnmodifiableMap(SandboxAccount::id,
                account -> List.of(
                        template(account, priceLists, "Basket", "retail-eur"),
                        template(account, priceLists, "Showroom", "retail-gbp"),
                        template(account, priceLists, "Trade", "trade-eur"))));
    }

    /** For CDI's proxy only. */
    protected EmbedTemplates() {
        this.byAccount = null;
    }

    public Optional<EmbedTemplate> find(SandboxAccount account, String templateId) {
        return byAccount.get(account.id()).stream().filter(template -> template.id().equals(templateId)).findFirst();
    }

    public List<EmbedTemplate> all(SandboxAccount account) {
        return byAccount.get(account.id());
    }

    private static EmbedTemplate template(SandboxAccount account, PriceLists priceLists, String id, String group) {
        return new EmbedTemplate(id, priceLists.group(account, group).orElseThrow());
    }
}
