package io.marketops.imports.internal;

import io.marketops.imports.ImportKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

/** Daily ad-platform report lines; natural key date + channel + campaign + ad group (empty when the report has none). */
final class AdCostSpec extends KindSpec {
    private static final LinkedHashMap<String, String> STAGED = columns("date", "DATE", "channel", "VARCHAR", "campaign", "VARCHAR",
            "ad_group", "VARCHAR", "impressions", "BIGINT", "clicks", "BIGINT", "cost", "DECIMAL(18,2)", "currency", "VARCHAR",
            "conversions", "BIGINT", "conversion_value", "DECIMAL(18,2)");

    @Override
    ImportKind kind() {
        return ImportKind.AD_COSTS;
    }

    @Override
    LinkedHashMap<String, String> staged() {
        return STAGED;
    }

    @Override
    List<String> key() {
        return List.of("date", "channel", "campaign", "ad_group");
    }

    @Override
    List<String> factColumns() {
        return List.of("date", "channel", "campaign", "ad_group", "impressions", "clicks", "cost", "currency", "conversions", "conversion_value");
    }

    @Override
    String[] convert(RowReader r, Ctx ctx) {
        LocalDate date = r.date("date", true);
        String channel = Codes.channel(r.text("channel", true, 100));
        String campaign = r.text("campaign", true, 500);
        String adGroup = r.text("ad_group", false, 500);
        long impressions = r.count("impressions");
        long clicks = r.count("clicks");
        BigDecimal cost = r.money("cost", true, false, 2);
        String currency = currency(r, ctx);
        long conversions = r.count("conversions");
        BigDecimal value = r.money("conversion_value", false, false, 2);
        if (r.failed()) return null;
        if (!currency.equals(ctx.reportingCurrency)) ctx.otherCurrencyRows++;
        return new String[]{Long.toString(r.row()), date.toString(), channel, campaign, adGroup == null ? "" : adGroup,
                Long.toString(impressions), Long.toString(clicks), cost.toPlainString(), currency, Long.toString(conversions),
                value.toPlainString()};
    }
}
