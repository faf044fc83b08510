package io.marketops.metrics.web;

import io.marketops.core.InvalidRequest;
import io.marketops.metrics.Filter;
import io.marketops.metrics.FunnelQuery;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.PathQuery;
import io.marketops.metrics.RetentionQuery;

import java.util.List;

import static io.marketops.metrics.web.RequestValues.*;

/** The JSON bodies of the query endpoints, as sent (strings), and their parsing into typed queries. */
final class Requests {
    private Requests() {
    }

    /** {@code {"metrics":["uv"],"from":"2026-10-01","to":"2026-10-31","granularity":"day","dimensions":["channel"],"filters":[…],"compare":"previous_period"}} */
    record MetricsRequest(List<String> metrics, String from, String to, String granularity, List<String> dimensions, List<Filter> filters, String compare) {
        MetricQuery toQuery() {
            return new MetricQuery(metrics, date("from", from), date("to", to), RequestValues.granularity(granularity, MetricQuery.Granularity.DAY),
                    dimensions, filters, RequestValues.compare(compare));
        }
    }

    record StepRequest(String event, List<Filter> filters) {
    }

    /** {@code {"steps":[{"event":"sign_up","filters":[…]},…],"window":"P7D","from":"…","to":"…","order":"strict","breakdown":"channel"}} */
    record FunnelRequest(List<StepRequest> steps, String window, String from, String to, String order, String breakdown) {
        FunnelQuery toQuery() {
            if (steps == null) throw new InvalidRequest("steps", "is required: [{\"event\":\"sign_up\"},{\"event\":\"purchase\"}]");
            List<FunnelQuery.Step> s = steps.stream().map(x -> x == null ? null : new FunnelQuery.Step(x.event(), x.filters())).toList();
            return new FunnelQuery(s, duration("window", window, null), date("from", from), date("to", to), RequestValues.order(order),
                    breakdown == null || breakdown.isBlank() ? null : breakdown);
        }
    }

    /** A funnel and the step whose non-reachers are wanted (2 = reached step 1 but not step 2). */
    record DroppedRequest(FunnelRequest funnel, Integer step, String name) {
        int stepNumber() {
            if (step == null) throw new InvalidRequest("step", "is required: the step people did not reach (2 or more)");
            return step;
        }

        FunnelQuery query() {
            if (funnel == null) throw new InvalidRequest("funnel", "is required: the funnel request as sent to /api/v1/funnels");
            return funnel.toQuery();
        }
    }

    /** {@code {"from":"…","to":"…","granularity":"week","cohortEvent":"sign_up","returnEvent":null,"periods":8}} */
    record RetentionRequest(String from, String to, String granularity, String cohortEvent, List<Filter> cohortFilters,
                            String returnEvent, List<Filter> returnFilters, Integer periods) {
        RetentionQuery toQuery() {
            var g = RequestValues.granularity(granularity, MetricQuery.Granularity.DAY);
            int p = periods != null ? periods : g == MetricQuery.Granularity.DAY ? 30 : g == MetricQuery.Granularity.WEEK ? 12 : 6;
            return new RetentionQuery(date("from", from), date("to", to), g, blankToNull(cohortEvent), cohortFilters, blankToNull(returnEvent), returnFilters, p);
        }
    }

    /** {@code {"event":"home","direction":"after","steps":4,"window":"PT30M","from":"…","to":"…","top":20}} */
    record PathsRequest(String event, List<Filter> filters, String direction, Integer steps, String window, String from, String to, Integer top) {
        PathQuery toQuery() {
            return new PathQuery(event, filters, RequestValues.direction(direction), steps == null ? 4 : steps,
                    duration("window", window, java.time.Duration.ofMinutes(30)), date("from", from), date("to", to), top == null ? 20 : top);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
