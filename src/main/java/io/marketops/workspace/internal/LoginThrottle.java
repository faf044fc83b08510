package io.marketops.workspace.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: 5 failed sign-ins per account and address, or 20 per address,
 * within 15 minutes block further attempts until the window refills.
 */
@Component
class LoginThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, WINDOW).build()).build());
    }

    boolean blocked(String username, String ip) {
        return bucket(accountKey(username, ip), PER_ACCOUNT).getAvailableTokens() <= 0
                || bucket("ip|" + ip, PER_ADDRESS).getAvailableTokens() <= 0;
    }

    void failed(String username, String ip) {
        bucket(accountKey(username, ip), PER_ACCOUNT).tryConsume(1);
        bucket("ip|" + ip, PER_ADDRESS).tryConsume(1);
    }

    void succeeded(String username, String ip) {
        buckets.remove(accountKey(username, ip));
    }

    private static String accountKey(String username, String ip) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "|" + ip;
    }
}
