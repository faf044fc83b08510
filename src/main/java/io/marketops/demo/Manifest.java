package io.marketops.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What a generator run wrote: the window, row counts, money totals, and the anomalies and
 * peaks placed in the data, so tests and benchmarks can check that reports find them.
 */
public record Manifest(long seed, long workspaceId, LocalDate from, LocalDate to, ZoneId zone,
                       Counts counts, Totals totals, List<InjectedAnomaly> anomalies, List<Peak> peaks) {

    public Manifest {
        anomalies = List.copyOf(anomalies);
        peaks = List.copyOf(peaks);
    }

    /** Rows written per table; {@code pageViews} are the events of type {@code page}. */
    public record Counts(long events, long pageViews, long orders, long customers, long adCostRows, long contentRows) {
    }

    /**
     * Money in CNY. {@code gmv} sums every order whatever its status (GMV includes cancelled
     * and refunded orders, see metric definitions); {@code adCost} sums {@code ad_costs.cost}.
     */
    public record Totals(BigDecimal gmv, BigDecimal adCost) {
    }

    /**
     * A deliberate deviation in the data.
     *
     * @param kind      e.g. {@code channel_outage}, {@code conversion_drop}, {@code cost_spike}
     * @param metric    the metric that shows it, e.g. {@code sessions}, {@code checkout_to_purchase_rate}
     * @param channel   the affected channel, or null for all channels
     * @param magnitude relative change while it lasts: −0.7 means 70% lower, 1.5 means 150% higher
     */
    public record InjectedAnomaly(String kind, String metric, String channel, LocalDate from, LocalDate to,
                                  double magnitude, String description) {
    }

    /** A sales peak inside the window (clipped to it), e.g. {@code double_11_2026}. */
    public record Peak(String name, LocalDate from, LocalDate to) {
    }

    /** The manifest as pretty-printed JSON (dates ISO-8601, money as decimal numbers). */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("seed", seed).put("workspaceId", workspaceId)
                .put("from", from.toString()).put("to", to.toString()).put("zone", zone.getId());
        root.putObject("counts")
                .put("events", counts.events()).put("pageViews", counts.pageViews()).put("orders", counts.orders())
                .put("customers", counts.customers()).put("adCostRows", counts.adCostRows())
                .put("contentRows", counts.contentRows());
        root.putObject("totals").put("currency", "CNY").put("gmv", totals.gmv()).put("adCost", totals.adCost());
        ArrayNode a = root.putArray("anomalies");
        for (InjectedAnomaly x : anomalies) {
            a.addObject().put("kind", x.kind()).put("metric", x.metric()).put("channel", x.channel())
                    .put("from", x.from().toString()).put("to", x.to().toString())
                    .put("magnitude", x.magnitude()).put("description", x.description());
        }
        ArrayNode p = root.putArray("peaks");
        for (Peak x : peaks) {
            p.addObject().put("name", x.name()).put("from", x.from().toString()).put("to", x.to().toString());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be written as JSON", e);
        }
    }
}
