package io.marketops.warehouse;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A daily ad-platform report line in {@code ad_costs} (natural key: date + channel + campaign + ad group). */
public record AdCostRow(long workspaceId, LocalDate date, String channel, String campaign, String adGroup,
                        long impressions, long clicks, BigDecimal cost, String currency,
                        long conversions, BigDecimal conversionValue) {
}
