package io.layernas.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Whether an address or a request's Host header is this machine's loopback. Stateless. */
public final class Hosts {
    private Hosts() {
    }

    /** True when {@code host} (a name or an address) resolves to loopback addresses only. */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True when a Host header ({@code name[:port]}) names the loopback, not another site's name. */
    static boolean isLoopbackHostHeader(String header) {
        if (header == null) {
            return false;
        }
        String host = header.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(1, Math.max(1, host.indexOf(']')));
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
