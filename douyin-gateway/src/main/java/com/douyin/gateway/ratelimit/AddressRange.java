package com.douyin.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IP address or a CIDR range ("10.0.0.0/8", "fd00::/8"), IPv4 or IPv6, matched without DNS. */
record AddressRange(byte[] network, int prefixLength) {

    /** Only characters of IP literals: {@link InetAddress#getByName} then never asks DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = bytesOf(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
        }
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + text);
        }
        return new AddressRange(bytes, prefix);
    }

    static boolean isAddress(String text) {
        return bytesOf(text) != null;
    }

    boolean contains(String address) {
        byte[] bytes = bytesOf(address);
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    private static byte[] bytesOf(String text) {
        if (text == null || text.isEmpty() || !LITERAL.matcher(text).matches() || !(text.contains(".") || text.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
