package io.marketops.collect;

/**
 * One classification rule: a visit belongs to {@code channel} when every non-empty pattern
 * matches (case-insensitive regular expressions, searched anywhere in the value). Rules are
 * tried in order; the first match wins. Visits no rule matches are {@code other} when they
 * carry UTM tags, {@code referral} when they come from another site, else {@code direct}.
 *
 * @param referrerPattern matched against the referrer's host name
 */
public record ChannelRule(String channel, String sourcePattern, String mediumPattern, String referrerPattern) {
}
