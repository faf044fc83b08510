package io.marketops.collect.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.marketops.core.WorkspaceId;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events per second a workspace may send (a token bucket per workspace: a sustained rate plus
 * a burst), so one runaway sender cannot starve the others.
 */
@Component
class IngestLimits {
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final long perSecond;
    private final long burst;

    IngestLimits(CollectProperties props) {
        this.perSecond = props.rateLimitPerSecond();
        this.burst = Math.max(props.rateLimitBurst(), props.rateLimitPerSecond());
    }

    /** 0 when the events may pass, else the seconds to wait before trying again. */
    long secondsToWait(WorkspaceId ws, int events) {
        if (events == 0) return 0;
        Bucket b = buckets.computeIfAbsent(ws.value(), k -> Bucket.builder()
                .addLimit(l -> l.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1))).build());
        ConsumptionProbe p = b.tryConsumeAndReturnRemaining(Math.min(events, burst));
        if (p.isConsumed()) return 0;
        return Math.max(1, (p.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
