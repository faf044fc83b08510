package io.marketops.attribution;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.marketops.attribution.ModelResult.MarkovDetails;
import io.marketops.attribution.ModelResult.ShapleyDetails;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Attribution of a workspace's own conversions over local days from..to, with each channel's ad
 * cost over the same days: CPA = cost / attributed conversions, ROAS = attributed value / cost,
 * ROI = (attributed value − cost) / cost. Money is in the workspace currency (ad cost in other
 * currencies is left out); ratios are null when their denominator is 0.
 */
public record ChannelReport(LocalDate from, LocalDate to, String currency, JourneyQuery query, Journeys journeys,
                            List<ChannelCost> costs, Map<String, ModelRoi> models) {

    /**
     * What the paths hold. Every conversion in the period is either attributed (it has at least one
     * touch in the lookback window) or counted in {@code unattributedConversions}; nothing is dropped.
     *
     * @param nullPaths         journeys with touches in the period after the person's last conversion
     * @param distinctPaths     distinct channel sequences among the paths
     * @param identityStitching {@code identities} when anonymous ids were resolved to users, else {@code none}
     */
    public record Journeys(long conversions, BigDecimal value, long attributedConversions, BigDecimal attributedValue,
                           long unattributedConversions, BigDecimal unattributedValue, long nullPaths, int distinctPaths,
                           int channels, String identityStitching) {
    }

    public record ChannelCost(String channel, BigDecimal cost) {
    }

    /** One model's channels with money and ratios, plus its Markov or Shapley details. */
    public record ModelRoi(List<ChannelRoi> channels, @JsonUnwrapped MarkovDetails markov, @JsonUnwrapped ShapleyDetails shapley) {
    }

    public record ChannelRoi(String channel, double conversions, BigDecimal value, BigDecimal cost, BigDecimal cpa,
                             BigDecimal roas, BigDecimal roi) {
    }
}
