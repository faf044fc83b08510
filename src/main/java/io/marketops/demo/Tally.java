package io.marketops.demo;

import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.OrderRow;

/** Passes rows on and counts them, so the manifest states exactly what was written. */
final class Tally implements FactAppender {
    private final FactAppender target;
    long events, pageViews, orders, customers, adCostRows, contentRows, gmvCents, adCostCents;

    Tally(FactAppender target) {
        this.target = target;
    }

    @Override
    public void event(EventRow row) {
        events++;
        if ("page".equals(row.type())) pageViews++;
        target.event(row);
    }

    @Override
    public void order(OrderRow row) {
        orders++;
        gmvCents += row.amount().unscaledValue().longValueExact();
        target.order(row);
    }

    @Override
    public void adCost(AdCostRow row) {
        adCostRows++;
        adCostCents += row.cost().unscaledValue().longValueExact();
        target.adCost(row);
    }

    @Override
    public void contentMetric(ContentMetricRow row) {
        contentRows++;
        target.contentMetric(row);
    }

    @Override
    public void customer(CustomerRow row) {
        customers++;
        target.customer(row);
    }

    Manifest.Counts counts() {
        return new Manifest.Counts(events, pageViews, orders, customers, adCostRows, contentRows);
    }

    Manifest.Totals totals() {
        return new Manifest.Totals(Cents.of(gmvCents), Cents.of(adCostCents));
    }

    /** A sink that keeps nothing, for the calibration run. */
    static final FactAppender DISCARD = new FactAppender() {
        @Override public void event(EventRow row) { }
        @Override public void order(OrderRow row) { }
        @Override public void adCost(AdCostRow row) { }
        @Override public void contentMetric(ContentMetricRow row) { }
        @Override public void customer(CustomerRow row) { }
    };
}
