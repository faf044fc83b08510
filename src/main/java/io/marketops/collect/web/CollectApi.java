package io.marketops.collect.web;

import io.marketops.collect.Channel;
import io.marketops.collect.ChannelRule;
import io.marketops.collect.Ingestion;
import io.marketops.collect.IngestionStats;
import io.marketops.collect.Touch;
import io.marketops.collect.internal.JdbcChannels;
import io.marketops.collect.internal.QuarantineStore;
import io.marketops.collect.internal.WriteKeys;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/v1/collect")
@Tag(name = "Collection", description = "Ingestion health, quarantined events, write keys, channels and their rules")
class CollectApi {
    private final Ingestion ingestion;
    private final QuarantineStore quarantine;
    private final WriteKeys keys;
    private final JdbcChannels channels;
    private final AuditLog audit;

    CollectApi(Ingestion ingestion, QuarantineStore quarantine, WriteKeys keys, JdbcChannels channels, AuditLog audit) {
        this.ingestion = ingestion;
        this.quarantine = quarantine;
        this.keys = keys;
        this.channels = channels;
        this.audit = audit;
    }

    @GetMapping("/stats")
    @PreAuthorize("hasAnyAuthority('collect.manage', 'data.read')")
    @Operation(summary = "Events received, stored (queryable in the warehouse), duplicates and rejected since records began, and when the last arrived")
    IngestionStats stats() {
        return ingestion.stats(Actors.workspace());
    }

    @GetMapping("/quarantine")
    @PreAuthorize("hasAuthority('collect.manage')")
    @Operation(summary = "Invalid events as they were sent, with the reason; sort by receivedAt or reason; q: text in the reason or the payload")
    PageResult<QuarantineStore.Entry> quarantine(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                                 @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return quarantine.list(Actors.workspace(), PageQuery.parse(page, size, sort, QuarantineStore.sortFields(), "receivedAt,desc"), q);
    }

    record KeyView(long id, String name, String writeKey, String createdBy, Instant createdAt, Instant rotatedAt, Instant revokedAt, boolean active) {
        static KeyView of(WriteKeys.WriteKey k) {
            return new KeyView(k.id(), k.name(), k.key(), k.createdBy(), k.createdAt(), k.rotatedAt(), k.revokedAt(), k.active());
        }
    }

    @GetMapping("/write-keys")
    @PreAuthorize("hasAuthority('collect.manage')")
    @Operation(summary = "The workspace's write keys (sort by createdAt or name)")
    PageResult<KeyView> writeKeys(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        return keys.list(Actors.workspace(), PageQuery.parse(page, size, sort, WriteKeys.sortFields(), "createdAt,desc")).map(KeyView::of);
    }

    record NewKey(String name) {
    }

    @PostMapping("/write-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('collect.manage')")
    @Operation(summary = "Creates a write key for a site, app or mini-program")
    KeyView createKey(@RequestBody NewKey body) {
        var k = keys.create(Actors.workspace(), body == null ? null : body.name(), Actors.require().name());
        audit.record("collect.write_key.created", "write_key:" + k.id(), k.name());
        return KeyView.of(k);
    }

    @PostMapping("/write-keys/{id}/rotate")
    @PreAuthorize("hasAuthority('collect.manage')")
    @Operation(summary = "Gives the key a new value; the old value stops working at once")
    KeyView rotate(@PathVariable long id) {
        var k = keys.rotate(Actors.workspace(), id);
        audit.record("collect.write_key.rotated", "write_key:" + id, k.name());
        return KeyView.of(k);
    }

    @DeleteMapping("/write-keys/{id}")
    @PreAuthorize("hasAuthority('collect.manage')")
    @Operation(summary = "Revokes the key; calls with it get 401 from now on")
    KeyView revoke(@PathVariable long id) {
        var k = keys.revoke(Actors.workspace(), id);
        audit.record("collect.write_key.revoked", "write_key:" + id, k.name());
        return KeyView.of(k);
    }

    @GetMapping("/channels")
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "The workspace's marketing channels with their English and Chinese names")
    List<Channel> channels() {
        return channels.all(Actors.workspace());
    }

    record ChannelNames(String nameEn, String nameZh) {
    }

    @PutMapping("/channels/{id}")
    @PreAuthorize("hasAuthority('collect.manage')")
    @Operation(summary = "Adds a channel or renames one")
    Channel saveChannel(@PathVariable String id, @RequestBody ChannelNames body) {
        Channel c = channels.saveChannel(Actors.workspace(), id, body == null ? null : body.nameEn(), body == null ? null : body.nameZh());
        audit.record("collect.channel.saved", "channel:" + id, c.nameEn() + " / " + c.nameZh());
        return c;
    }

    record Rules(List<ChannelRule> rules, boolean customized) {
    }

    @GetMapping("/channel-rules")
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "The rules that put a visit into a channel, in the order they are tried")
    Rules rules() {
        return new Rules(channels.rules(Actors.workspace()), channels.customRules(Actors.workspace()));
    }

    @PutMapping("/channel-rules")
    @PreAuthorize("hasAuthority('collect.manage')")
    @Operation(summary = "Replaces the rules (applies to sessions starting from now on); errors name the rule and field")
    Rules replaceRules(@RequestBody Rules body) {
        var ws = Actors.workspace();
        channels.replaceRules(ws, body == null ? null : body.rules(), Actors.require().name());
        audit.record("collect.channel_rules.replaced", "workspace:" + ws, body.rules().size() + " rules");
        return rules();
    }

    @DeleteMapping("/channel-rules")
    @PreAuthorize("hasAuthority('collect.manage')")
    @Operation(summary = "Goes back to the default rules")
    Rules resetRules() {
        channels.resetRules(Actors.workspace());
        audit.record("collect.channel_rules.reset", "workspace:" + Actors.workspace(), "defaults");
        return rules();
    }

    record Classified(String channel, String nameEn, String nameZh) {
    }

    @PostMapping("/classify")
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "Which channel a visit with these UTM values and referrer falls into")
    Classified classify(@RequestBody Touch touch) {
        var ws = Actors.workspace();
        String id = channels.classify(ws, touch);
        Channel c = channels.find(ws, id).orElse(new Channel(id, id, id));
        return new Classified(id, c.nameEn(), c.nameZh());
    }
}
