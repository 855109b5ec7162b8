package com.mimeeqportal.pricing;

import com.mimeeqportal.mimeeq.MimeeqFailure;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.PriceQuote;
import com.mimeeqportal.mimeeq.PricingSource;
import com.mimeeqportal.mimeeq.Quantity;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One short code and quantity priced under several sources. The cheapest is the lowest total among the
 * sources that gave a price; prices in different currencies are not compared with each other.
 */
public record PriceComparison(Quantity quantity, List<Column> columns) {

    public PriceComparison {
        columns = List.copyOf(columns);
    }

    /** One source and what Mimeeq answered for it. */
    public record Column(PricingSource source, MimeeqResult<PriceQuote> result) {
        public PriceQuote quote() {
            return result instanceof MimeeqResult.Ok<PriceQuote> ok ? ok.value() : null;
        }

        public MimeeqFailure failure() {
            return result instanceof MimeeqResult.Failed<PriceQuote> failed ? failed.failure() : null;
        }
    }

    public Optional<Column> cheapest() {
        List<Column> priced = columns.stream().filter(c -> c.quote() != null).toList();
        boolean oneCurrency = priced.stream().map(c -> String.valueOf(c.quote().currency())).distinct().count() == 1;
        if (priced.size() < 2 || !oneCurrency) {
            return Optional.empty();
        }
        return priced.stream().min(Comparator.comparing((Column c) -> c.quote().price(), BigDecimal::compareTo));
    }

    public boolean isCheapest(Column column) {
        return cheapest().map(c -> c == column).orElse(false);
    }
}
