package io.marketops.collect;

/**
 * What a visit says about where it came from: UTM values (from {@code context.campaign} or the
 * page URL) and the referrer. Any field may be null.
 */
public record Touch(String utmSource, String utmMedium, String utmCampaign, String referrer, String url) {

    /** True when the visit carries campaign tags; a new campaign starts a new session. */
    public boolean hasCampaign() {
        return notBlank(utmSource) || notBlank(utmMedium) || notBlank(utmCampaign);
    }

    /** Identifies the campaign for session breaks: source, medium and campaign name. */
    public String campaignKey() {
        return hasCampaign() ? (utmSource + "|" + utmMedium + "|" + utmCampaign) : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
