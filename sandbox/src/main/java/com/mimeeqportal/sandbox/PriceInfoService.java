package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.PriceAnswer.ForScene;
import com.mimeeqportal.sandbox.PriceAnswer.Standard;
import com.mimeeqportal.sandbox.PriceAnswer.Unpriced;
import com.mimeeqportal.sandbox.ShortCodeTarget.ConfiguredProduct;
import com.mimeeqportal.sandbox.ShortCodeTarget.SavedScene;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /get-product-price-info}: checks the parameters, finds the short code's configuration or scene, chooses
 * the pricing source and prices from each of its usable lists; the cheapest result wins, compared in EUR since lists
 * may be in different currencies. Expired and inactive lists are left out silently, as in Mimeeq.
 */
@ApplicationScoped
public class PriceInfoService {

    /** The currency an account's prices are in when no source names one: every sandbox account's is EUR. */
    private static final Market DEFAULT_MARKET = Market.EUR;

    private final ShortCodeLookup lookup;
    private final PricingSources sources;
    private final Clock clock;

    @Inject
    public PriceInfoService(ShortCodeLookup lookup, PricingSources sources) {
        this(lookup, sources, Clock.systemUTC());
    }

    PriceInfoService(ShortCodeLookup lookup, PricingSources sources, Clock clock) {
        this.lookup = lookup;
        this.sources = sources;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected PriceInfoService() {
        this.lookup = null;
        this.sources = null;
        this.clock = null;
    }

    public PriceAnswer price(SandboxAccount account, PriceRequest request) {
        FieldErrors errors = new FieldErrors();
        ShortCodeLookup.check(request.shortCode(), errors);
        Optional<OrderQuantity> parsed = OrderQuantity.parse(request.quantity(), errors);
        errors.throwIfAny();
        OrderQuantity quantity = parsed.orElseThrow();
        ShortCodeTarget target = lookup.find(request.shortCode(), account);
        Optional<PriceBasis> chosen = sources.choose(account, request);
        if (chosen.isEmpty()) {
            return new Unpriced(target, quantity, DEFAULT_MARKET, Optional.empty(), Unpriced.PRICING_SOURCE_REQUIRED,
                    "A pricing source is required: companyId, priceListIds, priceListGroup or templateId");
        }
        PriceBasis source = chosen.get();
        LocalDate today = LocalDate.now(clock);
        List<PriceList> usable = source.priceLists().stream().filter(list -> list.usableOn(today)).toList();
        if (usable.isEmpty()) {
            return new Unpriced(target, quantity, source.market(), Optional.of(source.vatType()),
                    Unpriced.NO_ACTIVE_PRICE_LIST, "None of the price lists chosen by " + source.parameter()
                    + " is active and valid today");
        }
        return switch (target) {
            case ConfiguredProduct configured -> usable.stream()
                    .map(list -> new Standard(PriceCalculator.quote(configured.configuration(), list,
                            source.vatType(), quantity)))
                    .min(Comparator.comparing(answer -> euros(answer.quote().market(), answer.quote().total())))
                    .orElseThrow();
            case SavedScene saved -> usable.stream()
                    .map(list -> sceneQuote(saved.scene(), list, source.vatType(), quantity))
                    .min(Comparator.comparing(answer -> euros(answer.market(), answer.total())))
                    .orElseThrow();
            case ShortCodeTarget.Embed embed -> throw new IllegalStateException("The lookup refuses embed codes");
        };
    }

    /** Each component at its quantity in the scene times the quantity of scenes asked for. */
    private static ForScene sceneQuote(Scene scene, PriceList list, VatType vatType, OrderQuantity quantity) {
        return new ForScene(scene, scene.components().stream()
                .map(component -> PriceCalculator.quote(component.configuration(), list, vatType,
                        quantity.times(component.quantity())))
                .toList());
    }

    private static BigDecimal euros(Market market, BigDecimal amount) {
        return market.toEuro(amount);
    }
}
