package io.marketops.demo;

import java.util.Arrays;

/**
 * Every anonymous visitor (a device or cookie) seen so far, kept as a few primitive arrays
 * (≈ 9 bytes each) so tens of millions of events fit in a small heap. Fixed attributes —
 * platform, device, city, propensity — are derived from a hash of the seed and the visitor
 * number plus the channel they first came from, so nothing else needs storing.
 */
final class Visitors {
    private final long seed;
    private final long windowStartMs;
    private byte[] firstChannel = new byte[1 << 14];
    private int[] firstSeenSeconds = new int[1 << 14];
    /** Customer index + 1 once the visitor signed up, else 0. */
    private int[] customer = new int[1 << 14];
    private int count;
    private final int[] countAtDayStart;

    Visitors(long seed, long windowStartMs, int days) {
        this.seed = seed;
        this.windowStartMs = windowStartMs;
        this.countAtDayStart = new int[days + 1];
    }

    int count() {
        return count;
    }

    void startDay(int dayIndex) {
        countAtDayStart[dayIndex] = count;
    }

    int create(Channel channel, long firstSeenMs) {
        if (count == firstChannel.length) {
            int n = count * 2;
            firstChannel = Arrays.copyOf(firstChannel, n);
            firstSeenSeconds = Arrays.copyOf(firstSeenSeconds, n);
            customer = Arrays.copyOf(customer, n);
        }
        firstChannel[count] = (byte) channel.ordinal();
        firstSeenSeconds[count] = (int) ((firstSeenMs - windowStartMs) / 1000);
        return count++;
    }

    /** A visitor first seen before today: half of the time one from the last week, else anyone; −1 on day one. */
    int returning(int dayIndex, Rng rng) {
        int before = countAtDayStart[dayIndex];
        if (before == 0) return -1;
        int lowest = rng.chance(0.5) ? countAtDayStart[Math.max(0, dayIndex - 7)] : 0;
        if (lowest >= before) lowest = 0;
        return lowest + rng.nextInt(before - lowest);
    }

    /** Moves the first-seen time to the instant the first session really started. */
    void seenFirstAt(int visitor, long ms) {
        firstSeenSeconds[visitor] = (int) ((ms - windowStartMs) / 1000);
    }

    int customerOf(int visitor) {
        return customer[visitor] - 1;
    }

    void becomeCustomer(int visitor, int customerIndex) {
        customer[visitor] = customerIndex + 1;
    }

    Channel firstChannel(int visitor) {
        return Channel.values()[firstChannel[visitor]];
    }

    long firstSeenMs(int visitor) {
        return windowStartMs + firstSeenSeconds[visitor] * 1000L;
    }

    long hash(int visitor) {
        return Rng.mix(seed * 0x9E3779B97F4A7C15L + visitor + 0x1234567L);
    }

    /** Fills {@code p} with the visitor's fixed attributes. */
    void describe(int visitor, Profile p) {
        long h = hash(visitor);
        Channel first = firstChannel(visitor);
        p.visitor = visitor;
        p.anonymousId = Ids.visitor(visitor + 1L);
        p.city = Catalog.CITIES[Rng.pick(Catalog.CITY_WEIGHTS, Rng.unit(Rng.mix(h + 1)))];
        double u = Rng.unit(Rng.mix(h + 2));
        double v = Rng.unit(Rng.mix(h + 3));
        double w = Rng.unit(Rng.mix(h + 4));
        p.platform = platform(first, u);
        boolean desktopHeavy = first == Channel.BAIDU_SEM || first == Channel.ORGANIC_SEARCH;
        if (p.platform.equals("web")) {
            p.device = v < (desktopHeavy ? 0.40 : 0.10) ? "desktop" : v > 0.96 ? "tablet" : "mobile";
        } else {
            p.device = v > 0.95 ? "tablet" : "mobile";
        }
        if (p.device.equals("desktop")) {
            p.os = w < 0.78 ? "Windows" : "macOS";
            double b = Rng.unit(Rng.mix(h + 5));
            p.browser = b < 0.5 ? "Chrome" : b < 0.72 ? "Edge" : b < 0.87 ? "360 Browser" : p.os.equals("macOS") ? "Safari" : "QQ Browser";
        } else {
            p.os = p.platform.equals("ios") || (!p.platform.equals("android") && w < 0.45) ? "iOS" : "Android";
            p.browser = switch (p.platform) {
                case "ios", "android" -> null;
                case "miniprogram" -> "WeChat";
                default -> mobileBrowser(first, p.os, Rng.unit(Rng.mix(h + 5)));
            };
        }
        // purchase propensity: log-normal, mean 1, so a few visitors buy much more than most
        double z = StrictMath.sqrt(-2 * StrictMath.log(1 - Rng.unit(Rng.mix(h + 6))))
                * StrictMath.cos(2 * StrictMath.PI * Rng.unit(Rng.mix(h + 7)));
        p.propensity = StrictMath.exp(0.5 * z - 0.125);
    }

    private static String platform(Channel first, double u) {
        return switch (first) {
            case WECHAT -> u < 0.75 ? "miniprogram" : "web";
            case BAIDU_SEM, ORGANIC_SEARCH -> "web";
            case DIRECT -> u < 0.35 ? "ios" : u < 0.70 ? "android" : u < 0.85 ? "miniprogram" : "web";
            default -> u < 0.70 ? "web" : u < 0.82 ? "ios" : "android";
        };
    }

    /** Links opened inside a social app open in its own browser. */
    private static String mobileBrowser(Channel first, String os, double u) {
        return switch (first) {
            case DOUYIN -> "Douyin";
            case XIAOHONGSHU -> "Xiaohongshu";
            case WEIBO -> "Weibo";
            case BILIBILI -> "Bilibili";
            case WECHAT -> "WeChat";
            default -> os.equals("iOS") ? (u < 0.8 ? "Safari" : "QQ Browser") : (u < 0.4 ? "Chrome" : u < 0.7 ? "UC Browser" : "QQ Browser");
        };
    }

    /** A visitor's attributes for one session; reused to avoid garbage. */
    static final class Profile {
        int visitor;
        String anonymousId, platform, device, os, browser;
        Catalog.City city;
        double propensity;
    }
}
