package com.mimeeqportal.bench;

import com.mimeeqportal.catalog.Catalog;
import com.mimeeqportal.catalog.CatalogLabels;
import com.mimeeqportal.catalog.CatalogQuery;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.Page;
import com.mimeeqportal.mimeeq.ProductSummary;
import com.mimeeqportal.web.Preferences;
import com.mimeeqportal.web.TemplateTestEngine;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The render of {@code catalog/list} with 25 products of a 255-product catalog, the model {@code CatalogServlet}
 * hands to {@code Views} plus the variables {@code Views} adds for the layout (the signed-in user, CSRF token,
 * languages, time zones, current path).
 *
 * <p>Not the servlet-bound engine of {@code Views} (it needs a ServletContext, a request and a response): the
 * same templates from {@code webapp/WEB-INF/templates}, cached, with the project's {@code PortalMessageResolver},
 * through {@link TemplateTestEngine} (a file resolver, links without a context path). What is measured is the
 * template work itself; the servlet exchange's own cost is in the HTTP catalog figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CatalogRenderBenchmark {

    static final int CATALOG_SIZE = 255;

    @Param({"en"})
    public String language;

    private TemplateEngine engine;
    private Context context;

    @Setup
    public void model() {
        engine = TemplateTestEngine.create();
        TenantId tenant = TenantId.random();
        context = TemplateTestEngine.signedIn(Locale.forLanguageTag(language), new SignedInUser("u-sales",
                new Username("sales@demo.example"), tenant, "Demo Furniture", Role.SALES));
        context.setVariable("keyInvalid", false);
        context.setVariable("csrf", "Zx8bq0lJv3m1cH9T2yWkR4sA6dF5gN7p"); // a real token's length
        context.setVariable("correlationId", "7f3c9a2e-bench");
        context.setVariable("zone", "UTC");
        context.setVariable("zones", Preferences.ZONES);
        context.setVariable("currentPath", "/catalog");
        List<ProductSummary> products = products();
        CatalogQuery query = CatalogQuery.all();
        context.setVariable("catalog", new Catalog.CatalogPage(new Page<>(products.subList(0, CatalogQuery.PAGE_SIZE),
                1, CatalogQuery.PAGE_SIZE, products.size()), Instant.parse("2026-12-01T09:30:00Z"), products.size(),
                distinct(products, ProductSummary::collection), distinct(products, ProductSummary::manufacturer), false));
        context.setVariable("query", query);
        context.setVariable("labels", CatalogLabels.in(Locale.forLanguageTag(language)));
        String html = render();
        if (!html.contains("data-product-id") || html.contains("??")) {
            throw new IllegalStateException("The catalog page did not render as the portal renders it:\n" + html);
        }
    }

    @Benchmark
    public String catalogPage() {
        return render();
    }

    private String render() {
        StringWriter out = new StringWriter(64 * 1024);
        engine.process("catalog/list", context, out);
        return out.toString();
    }

    /** A catalog shaped like the sandbox's: names in three languages, images, 8 collections, 6 manufacturers. */
    static List<ProductSummary> products() {
        String[] modes = {"VARIANT", "MODULAR", "STANDARD"};
        List<ProductSummary> products = new ArrayList<>();
        for (int i = 0; i < CATALOG_SIZE; i++) {
            String code = String.format(Locale.ROOT, "DF-%04d", i);
            products.add(new ProductSummary("prod-" + Integer.toHexString(0x10000 + i * 7919), code,
                    Map.of("en", "Oslo Lounge Chair " + i, "de", "Oslo Loungesessel " + i, "pl", "Fotel Oslo " + i),
                    i % 9 == 0 ? "INACTIVE" : "ACTIVE", modes[i % 3], i % 5 == 0 ? "2D" : "3D", i % 4 != 0,
                    "http://localhost:8080/sandbox/images/" + code + ".png", "Collection " + (i % 8),
                    "Manufacturer " + (i % 6), "e30=", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 3600L)));
        }
        return products;
    }

    private static List<String> distinct(List<ProductSummary> products,
                                         java.util.function.Function<ProductSummary, String> field) {
        return products.stream().map(field).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }
}
