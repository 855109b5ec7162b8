package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.FurnitureWords.BlockWords;
import com.mimeeqportal.sandbox.FurnitureWords.Kind;
import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Privacy;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import com.mimeeqportal.sandbox.SandboxProduct.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Generates the products one account owns, from a random sequence seeded with the account's id, so that the
 * catalog is the same after every restart (as long as the list of accounts is). Only methods of {@link Random} whose algorithm the JDK specifies are
 * used ({@code nextInt}, {@code nextDouble}, {@link Collections#shuffle(List, Random)}), so a JDK update does not
 * change it either. Each product is shared with each other account by chance, so every account sees both owned
 * and shared products.
 */
final class CatalogGenerator {

    private static final int OWNED_PER_ACCOUNT = 170;
    private static final double SHARE_CHANCE = 0.3;
    private static final String OPTION_LETTERS = "abcd";
    private static final Instant FIRST_CREATED = Instant.parse("2021-01-04T08:00:00Z");
    private static final int CREATION_SPAN_SECONDS = 4 * 365 * 24 * 3600;
    private static final int LONGEST_EDIT_GAP_SECONDS = 500 * 24 * 3600;

    private record ProductName(String series, Kind kind) {
        LocalizedText text() {
            return new LocalizedText(series + " " + kind.name().en(), series + " " + kind.name().de());
        }
    }

    private final SandboxAccount owner;
    private final List<SandboxAccount> accounts;
    private final Random random;

    private CatalogGenerator(SandboxAccount owner, List<SandboxAccount> accounts) {
        this.owner = owner;
        this.accounts = accounts;
        // A name-based UUID scrambles the id: Random's first values for similar seeds are themselves similar.
        this.random = new Random(UUID.nameUUIDFromBytes(owner.id().getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits());
    }

    /** Every account's own products, each account's in turn. */
    static List<SandboxProduct> generate(List<SandboxAccount> accounts) {
        return accounts.stream()
                .flatMap(owner -> new CatalogGenerator(owner, accounts).ownedProducts().stream())
                .toList();
    }

    private List<SandboxProduct> ownedProducts() {
        List<ProductName> names = shuffledNames();
        List<SandboxProduct> products = new ArrayList<>(OWNED_PER_ACCOUNT);
        for (int index = 0; index < OWNED_PER_ACCOUNT; index++) {
            products.add(product(index, names.get(index)));
        }
        return products;
    }

    /** Every series-and-kind pair in this account's order, so no name repeats within the account. */
    private List<ProductName> shuffledNames() {
        List<ProductName> names = new ArrayList<>();
        for (String series : FurnitureWords.SERIES) {
            for (Kind kind : FurnitureWords.KINDS) {
                names.add(new ProductName(series, kind));
            }
        }
        Collections.shuffle(names, random);
        return names;
    }

    // The arguments are evaluated left to right (JLS 15.7.4), which fixes the order random values are drawn in.
    private SandboxProduct product(int index, ProductName productName) {
        String productId = "PROD-" + UUID.nameUUIDFromBytes((owner.id() + "/product/" + index)
                .getBytes(StandardCharsets.UTF_8));
        LocalizedText name = productName.text();
        Kind kind = productName.kind();
        Instant createdAt = FIRST_CREATED.plusSeconds(random.nextInt(CREATION_SPAN_SECONDS))
                .plusMillis(random.nextInt(1000));
        return new SandboxProduct(
                productId,
                owner.id(),
                sharedWith(),
                "%s-%s-%03d".formatted(owner.initials(), kind.abbreviation(), index + 1),
                name,
                chance(0.3) ? name.append(pick(FurnitureWords.EDITIONS)) : name,
                chance(0.06) ? Status.INACTIVE : Status.ACTIVE,
                mode(kind),
                chance(0.75) ? Type.THREE_D : Type.TWO_D,
                chance(0.9),
                privacy(),
                blocks(kind),
                pick(FurnitureWords.MANUFACTURERS),
                chance(0.85) ? Optional.of(pick(FurnitureWords.DESIGNERS)) : Optional.empty(),
                kind.collection(),
                createdAt,
                createdAt.plusSeconds(random.nextInt(LONGEST_EDIT_GAP_SECONDS)).plusMillis(random.nextInt(1000)),
                SandboxShortCodes.derive("embed:" + productId));
    }

    private Set<String> sharedWith() {
        Set<String> sharedWith = new LinkedHashSet<>();
        for (SandboxAccount other : accounts) {
            if (!other.equals(owner) && chance(SHARE_CHANCE)) {
                sharedWith.add(other.id());
            }
        }
        return sharedWith;
    }

    /** Mostly as the kind suggests; a few modular kinds sold as plain variants and a few STANDARD products. */
    private Mode mode(Kind kind) {
        if (kind.modular()) {
            return chance(0.85) ? Mode.MODULAR : Mode.VARIANT;
        }
        return chance(0.06) ? Mode.STANDARD : Mode.VARIANT;
    }

    private Privacy privacy() {
        double draw = random.nextDouble();
        return draw < 0.7 ? Privacy.PUBLIC : draw < 0.85 ? Privacy.PRIVATE : Privacy.RESTRICTED_TO;
    }

    private List<SandboxBlock> blocks(Kind kind) {
        return kind.blocks().stream().map(this::block).toList();
    }

    /**
     * The block with two or more of its options, chosen by chance. An option's number is its place among all the
     * block's words, so {@code Colour-a3} and {@code Colour-c3} are the same colour in any two products.
     */
    private SandboxBlock block(BlockWords words) {
        char letter = OPTION_LETTERS.charAt(random.nextInt(OPTION_LETTERS.length()));
        List<Integer> offered = new ArrayList<>(IntStream.range(0, words.options().size()).boxed().toList());
        Collections.shuffle(offered, random);
        List<SandboxOption> options = offered.subList(0, 2 + random.nextInt(offered.size() - 1)).stream()
                .sorted()
                .map(i -> new SandboxOption(letter + String.valueOf(i + 1), words.options().get(i)))
                .toList();
        return new SandboxBlock(words.code(), words.name(), options, pick(options));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}

