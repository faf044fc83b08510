package io.marketops.attribution;

/** What a model credits to one channel: a share of the conversions and of their value. */
public record ChannelCredit(String channel, double conversions, double value) {
}
