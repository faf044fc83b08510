package io.marketops.collect;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Segment's own Java SDK (com.segment.analytics.java:analytics) sends to MarketOps by changing only the endpoint. */
@IntegrationTest
class SegmentSdkIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;

    @Test
    void everyCallFromSegmentsJavaSdkIsStored() throws Exception {
        var ws = workspaces.create("segment-sdk");
        Api admin = new Api(port, ws.token());
        String key = Tracker.newWriteKey(admin);
        int calls = 100 + 20 + 20 + 5 + 5;
        CountDownLatch done = new CountDownLatch(calls);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Analytics analytics = Analytics.builder(key).endpoint("http://127.0.0.1:" + port).flushQueueSize(25).retries(2)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        done.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                        done.countDown();
                    }
                }).build();
        try {
            for (int i = 0; i < 100; i++) {
                analytics.enqueue(TrackMessage.builder("Order Completed").userId("sdk-u" + (i % 40))
                        .properties(Map.of("revenue", i % 90, "currency", "CNY", "order_id", "sdk-o" + i))
                        .context(Map.of("campaign", Map.of("source", "xiaohongshu", "medium", "social", "name", "double11"))));
            }
            for (int i = 0; i < 20; i++) analytics.enqueue(IdentifyMessage.builder().userId("sdk-u" + i).anonymousId("sdk-a" + i).traits(Map.of("tier", "gold")));
            for (int i = 0; i < 20; i++) {
                analytics.enqueue(PageMessage.builder("Home").anonymousId("sdk-a" + i)
                        .properties(Map.of("url", "https://shop.example.cn/?utm_source=douyin&utm_medium=video")));
            }
            for (int i = 0; i < 5; i++) analytics.enqueue(AliasMessage.builder("old-" + i).userId("sdk-u" + i));
            for (int i = 0; i < 5; i++) analytics.enqueue(GroupMessage.builder("company-" + i).userId("sdk-u" + i));
            analytics.flush();
            assertThat(done.await(60, TimeUnit.SECONDS)).as("the SDK reported every call").isTrue();
        } finally {
            analytics.shutdown();
        }
        assertThat(failures).isEmpty();
        assertThat(Tracker.awaitStored(admin, calls).get("stored").asLong()).isEqualTo(calls);
        assertThat(warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = ? AND type = 'page' AND channel = 'douyin'")
                .param(ws.id()).query(Long.class).single()).isEqualTo(20);
        assertThat(warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = ? AND type = 'track' AND channel = 'xiaohongshu' AND revenue IS NOT NULL")
                .param(ws.id()).query(Long.class).single()).isEqualTo(100);
        assertThat(warehouse.sql().sql("SELECT user_id FROM identities WHERE workspace_id = ? AND alias_id = 'old-3'")
                .param(ws.id()).query(String.class).single()).isEqualTo("sdk-u3");
    }
}
