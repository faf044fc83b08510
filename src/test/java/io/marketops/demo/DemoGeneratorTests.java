package io.marketops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.OrderRow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoGeneratorTests {

    private static final GeneratorSpec SMALL = GeneratorSpec.of(42, 1, LocalDate.of(2026, 6, 30)).withDays(14);

    @Test
    void sameSpecGivesTheSameManifestAndRows() {
        RowHash first = new RowHash(), second = new RowHash();
        Manifest a = new DemoGenerator().generate(SMALL, first);
        Manifest b = new DemoGenerator().generate(SMALL, second);

        assertThat(b).isEqualTo(a);
        assertThat(second.rows).isEqualTo(first.rows).isPositive();
        assertThat(second.hash).isEqualTo(first.hash);
    }

    @Test
    void anotherSeedGivesOtherData() {
        RowHash first = new RowHash(), second = new RowHash();
        Manifest a = new DemoGenerator().generate(SMALL, first);
        Manifest b = new DemoGenerator().generate(new GeneratorSpec(43, 1, SMALL.endDate(), SMALL.days(), SMALL.zone(), 0), second);

        assertThat(b.counts()).isNotEqualTo(a.counts());
        assertThat(b.totals().gmv()).isNotEqualByComparingTo(a.totals().gmv());
        assertThat(second.hash).isNotEqualTo(first.hash);
    }

    @Test
    void demoSizeIsAbout750kEventsOver180Days() {
        Manifest m = DemoData.facts().manifest;

        assertThat(m.counts().events()).isBetween(600_000L, 900_000L);
        assertThat(m.from()).isEqualTo(LocalDate.of(2026, 5, 25));
        assertThat(m.to()).isEqualTo(DemoData.END);
        assertThat(DemoData.facts().posts).hasSizeBetween(60, 120);
    }

    @Test
    void everyRowIsWellFormedAndInsideTheWindowsLocalDays() {
        assertThat(DemoData.facts().problems).isEmpty();
    }

    @Test
    void manifestCountsWhatWasWritten() {
        CollectedFacts f = DemoData.facts();
        Manifest.Counts c = f.manifest.counts();

        assertThat(c.events()).isEqualTo(f.events);
        assertThat(c.pageViews()).isEqualTo(f.pageViews);
        assertThat(c.orders()).isEqualTo(f.orders.size());
        assertThat(c.customers()).isEqualTo(f.customerIds.size());
        assertThat(c.adCostRows()).isEqualTo(f.adCostRows);
        assertThat(c.contentRows()).isEqualTo(f.contentRows);
        assertThat(f.manifest.totals().gmv()).isEqualByComparingTo(
                f.orders.values().stream().map(OrderRow::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    }

    @Test
    void everyPurchaseEventHasExactlyOneOrder() {
        CollectedFacts f = DemoData.facts();

        assertThat(f.purchaseOrderIds).isNotEmpty();
        assertThat(f.purchaseOrderIds.values()).containsOnly(1);
        assertThat(f.orders.keySet()).containsAll(f.purchaseOrderIds.keySet());
        Set<String> storeOrders = f.orders.values().stream()
                .filter(o -> o.channel().equals("tmall") || o.channel().equals("jd"))
                .map(OrderRow::orderId).collect(Collectors.toSet());
        assertThat(storeOrders).isNotEmpty().doesNotContainAnyElementsOf(f.purchaseOrderIds.keySet());
        assertThat(f.orders.size()).isEqualTo(f.purchaseOrderIds.size() + storeOrders.size());
    }

    @Test
    void ordersBelongToWrittenCustomersAndSomeCustomersBuyAgain() {
        CollectedFacts f = DemoData.facts();
        Map<String, Long> ordersPerCustomer = f.orders.values().stream()
                .collect(Collectors.groupingBy(OrderRow::customerId, Collectors.counting()));

        assertThat(f.customerIds).containsAll(ordersPerCustomer.keySet());
        long repeaters = ordersPerCustomer.values().stream().filter(n -> n >= 2).count();
        assertThat((double) repeaters / ordersPerCustomer.size()).isBetween(0.05, 0.5);
        Map<String, Long> byStatus = f.orders.values().stream().collect(Collectors.groupingBy(OrderRow::status, Collectors.counting()));
        assertThat(byStatus.get("paid")).isGreaterThan(10 * (byStatus.get("refunded") + byStatus.get("cancelled")));
    }

    @Test
    void adClicksCoverThePaidVisitsTheyDrive() {
        CollectedFacts f = DemoData.facts();

        assertThat(f.paidSessions).isNotEmpty();
        f.paidSessions.forEach((key, sessions) ->
                assertThat(f.adClicks.getOrDefault(key, 0L)).as(key).isGreaterThanOrEqualTo(sessions.size()));
    }

    @Test
    void douyinOutageHalvesPageViewsAgainstTheWeekBefore() {
        CollectedFacts f = DemoData.facts();
        Manifest.InjectedAnomaly outage = anomaly(f.manifest, "channel_outage");

        assertThat(outage.channel()).isEqualTo("douyin");
        for (LocalDate d = outage.from(); !d.isAfter(outage.to()); d = d.plusDays(1)) {
            assertThat(f.pageViews("douyin", d)).as("douyin on " + d).isLessThan(f.pageViews("douyin", d.minusDays(7)) / 2);
            assertThat(f.pageViews("xiaohongshu", d)).as("xiaohongshu on " + d)
                    .isGreaterThan(f.pageViews("xiaohongshu", d.minusDays(7)) * 6 / 10);
        }
    }

    @Test
    void conversionDropHalvesCheckoutToPurchase() {
        CollectedFacts f = DemoData.facts();
        Manifest.InjectedAnomaly drop = anomaly(f.manifest, "conversion_drop");

        double during = f.checkoutToPurchase(drop.from(), drop.to());
        double before = f.checkoutToPurchase(drop.from().minusDays(7), drop.from().minusDays(1));
        assertThat(during).isLessThan(before * 0.7);
    }

    @Test
    void double11RaisesDailyOrdersAboveANormalWeek() {
        CollectedFacts f = DemoData.facts();

        long peakWeek = f.orders(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 11));
        long normalWeek = f.orders(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 20));
        assertThat(peakWeek).isGreaterThan(2 * normalWeek);
        assertThat(f.orders(LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 11)))
                .isGreaterThan(f.orders(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 4)));
        assertThat(f.manifest.peaks()).contains(
                new Manifest.Peak("618_2026", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 18)),
                new Manifest.Peak("double_11_2026", LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 11)));
    }

    @Test
    void scalesVisitorsToLandNearTheTargetEvents() {
        Manifest m = new DemoGenerator().generate(GeneratorSpec.of(7, 1, LocalDate.of(2026, 3, 31)).withTargetEvents(200_000),
                Tally.DISCARD);

        assertThat((double) m.counts().events()).isCloseTo(200_000, within(20_000.0));
    }

    @Test
    void shortWindowsOnlyGetTheAnomaliesThatFit() {
        CollectedFacts week = CollectedFacts.of(GeneratorSpec.of(1, 1, LocalDate.of(2026, 8, 9)).withDays(7));
        CollectedFacts month = CollectedFacts.of(GeneratorSpec.of(1, 1, LocalDate.of(2026, 8, 31)).withDays(30).withTargetEvents(40_000));

        assertThat(week.problems).isEmpty();
        assertThat(week.manifest.anomalies()).isEmpty();
        assertThat(week.manifest.peaks()).isEmpty();
        assertThat(week.events).isPositive();
        assertThat(month.manifest.anomalies()).extracting(Manifest.InjectedAnomaly::kind)
                .containsExactly("channel_outage", "cost_spike");
    }

    @Test
    void localDaysFollowTheZoneAcrossDaylightSavingChanges() {
        GeneratorSpec berlin = GeneratorSpec.of(3, 1, LocalDate.of(2026, 11, 1)).withDays(14)
                .withZone(ZoneId.of("Europe/Berlin")).withTargetEvents(30_000);

        CollectedFacts f = CollectedFacts.of(berlin);

        assertThat(f.problems).isEmpty();
        assertThat(f.pageViewsByDayAndChannel).containsKey(LocalDate.of(2026, 10, 25)); // the 25-hour day
    }

    @Test
    void manifestJsonStatesCountsTotalsAnomaliesAndPeaks() throws Exception {
        Manifest m = DemoData.facts().manifest;

        JsonNode json = new ObjectMapper().readTree(m.toJson());

        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(json.at("/counts/events").asLong()).isEqualTo(m.counts().events());
        assertThat(json.at("/totals/gmv").decimalValue()).isEqualByComparingTo(m.totals().gmv());
        assertThat(json.get("anomalies")).hasSize(3);
        assertThat(json.at("/anomalies/0/from").asText()).isEqualTo(m.anomalies().get(0).from().toString());
        assertThat(json.get("peaks")).hasSize(2);
    }

    private static Manifest.InjectedAnomaly anomaly(Manifest m, String kind) {
        return m.anomalies().stream().filter(a -> a.kind().equals(kind)).findFirst().orElseThrow();
    }

    /** Hashes every row (all its fields, through the record's hashCode) in stream order. */
    static final class RowHash implements FactAppender {
        long hash = 1125899906842597L;
        long rows;

        private void add(Record row) {
            rows++;
            hash = Rng.mix(hash * 31 + row.hashCode());
        }

        @Override public void event(EventRow row) { add(row); }
        @Override public void order(OrderRow row) { add(row); }
        @Override public void adCost(AdCostRow row) { add(row); }
        @Override public void contentMetric(ContentMetricRow row) { add(row); }
        @Override public void customer(CustomerRow row) { add(row); }
    }
}
