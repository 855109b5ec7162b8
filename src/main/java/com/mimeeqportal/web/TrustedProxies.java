package com.mimeeqportal.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} the portal believes
 * ({@code portal.http.trusted-proxies}: addresses or CIDR blocks, comma-separated; none by default). A header
 * from anyone else is ignored, since any client can write it. Only literal addresses are accepted, so
 * reading the setting never needs DNS.
 */
public final class TrustedProxies {

    /** An address literal: IPv4 dotted, or IPv6 hex and colons (optionally with an embedded IPv4 tail). */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_HOPS = 20;

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Parses the setting; throws {@link IllegalArgumentException} naming the bad entry, so a typo stops the start. */
    public static TrustedProxies parse(String setting) {
        List<Block> blocks = new ArrayList<>();
        if (setting != null) {
            for (String entry : setting.split(",")) {
                String e = entry.trim();
                if (!e.isEmpty()) {
                    blocks.add(Block.parse(e));
                }
            }
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    /** Who the client is and whether it spoke https, as far as this peer and its trusted proxies tell. */
    public record Client(String address, boolean https) {
    }

    /**
     * The client of a request from {@code peer}: for a trusted peer, the right-most address of
     * {@code X-Forwarded-For} that is not itself a trusted proxy (every hop left of it could be written by the
     * client), and the scheme the nearest proxy reports; for anyone else, the peer and the connection itself.
     */
    public Client client(String peer, boolean secureConnection, List<String> forwardedFor, String forwardedProto) {
        if (!trusts(peer)) {
            return new Client(peer, secureConnection);
        }
        String client = peer;
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            hops.addAll(Arrays.asList(header.split(",")));
        }
        for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MAX_HOPS; i--) {
            String hop = hops.get(i).trim();
            if (literal(hop) == null) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        boolean https = secureConnection;
        if (forwardedProto != null && !forwardedProto.isBlank()) {
            String[] protos = forwardedProto.split(",");
            https = protos[protos.length - 1].trim().toLowerCase(Locale.ROOT).equals("https");
        }
        return new Client(client, https);
    }

    private static byte[] literal(String address) {
        if (address == null || address.length() > 45) {
            return null;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!LITERAL.matcher(a).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("portal.http.trusted-proxies: not an IP address or CIDR block: " + entry);
            }
            int bits = address.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String p = entry.substring(slash + 1);
                if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bits) {
                    throw new IllegalArgumentException("portal.http.trusted-proxies: bad prefix length in " + entry);
                }
                prefix = Integer.parseInt(p);
            }
            return new Block(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
        }
    }
}
