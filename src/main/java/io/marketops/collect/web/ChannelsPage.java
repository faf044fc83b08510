package io.marketops.collect.web;

import io.marketops.collect.ChannelRule;
import io.marketops.collect.Touch;
import io.marketops.collect.internal.JdbcChannels;
import io.marketops.core.InvalidRequest;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/** Channels and the rules that classify visits, editable by those who manage collection; a tester shows where a visit lands. */
@Controller
class ChannelsPage {
    private final JdbcChannels channels;
    private final AuditLog audit;

    ChannelsPage(JdbcChannels channels, AuditLog audit) {
        this.channels = channels;
        this.audit = audit;
    }

    @GetMapping("/channels")
    @PreAuthorize("hasAuthority('data.read')")
    String page(@RequestParam(required = false) String utmSource, @RequestParam(required = false) String utmMedium,
                @RequestParam(required = false) String referrer, Model model) {
        var ws = Actors.workspace();
        model.addAttribute("channels", channels.all(ws));
        model.addAttribute("rules", channels.rules(ws));
        model.addAttribute("customized", channels.customRules(ws));
        model.addAttribute("mayEdit", Actors.require().may(io.marketops.workspace.Permission.COLLECT_MANAGE));
        if (utmSource != null || utmMedium != null || referrer != null) {
            Touch t = new Touch(blank(utmSource), blank(utmMedium), null, blank(referrer), null);
            model.addAttribute("tested", channels.find(ws, channels.classify(ws, t)).orElse(null));
            model.addAttribute("utmSource", utmSource);
            model.addAttribute("utmMedium", utmMedium);
            model.addAttribute("referrer", referrer);
        }
        return "collect/channels";
    }

    @PostMapping("/channels")
    @PreAuthorize("hasAuthority('collect.manage')")
    String saveChannel(@RequestParam String id, @RequestParam String nameEn, @RequestParam String nameZh, RedirectAttributes flash) {
        try {
            var c = channels.saveChannel(Actors.workspace(), id, nameEn, nameZh);
            audit.record("collect.channel.saved", "channel:" + c.id(), c.nameEn() + " / " + c.nameZh());
            flash.addFlashAttribute("notice", "collect.channels.saved");
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/channels";
    }

    @PostMapping("/channels/rules")
    @PreAuthorize("hasAuthority('collect.manage')")
    String addRule(@RequestParam String channel, @RequestParam(required = false) String sourcePattern,
                   @RequestParam(required = false) String mediumPattern, @RequestParam(required = false) String referrerPattern,
                   @RequestParam(required = false) Integer position, RedirectAttributes flash) {
        var ws = Actors.workspace();
        List<ChannelRule> rules = new ArrayList<>(channels.rules(ws));
        int at = position == null || position < 1 || position > rules.size() + 1 ? rules.size() : position - 1;
        rules.add(at, new ChannelRule(channel, sourcePattern, mediumPattern, referrerPattern));
        return replace(rules, flash, "collect.rules.added");
    }

    @PostMapping("/channels/rules/{index}/delete")
    @PreAuthorize("hasAuthority('collect.manage')")
    String deleteRule(@PathVariable int index, RedirectAttributes flash) {
        List<ChannelRule> rules = new ArrayList<>(channels.rules(Actors.workspace()));
        if (index >= 0 && index < rules.size()) rules.remove(index);
        return replace(rules, flash, "collect.rules.deleted");
    }

    @PostMapping("/channels/rules/reset")
    @PreAuthorize("hasAuthority('collect.manage')")
    String reset(RedirectAttributes flash) {
        channels.resetRules(Actors.workspace());
        audit.record("collect.channel_rules.reset", "workspace:" + Actors.workspace(), "defaults");
        flash.addFlashAttribute("notice", "collect.rules.reset.notice");
        return "redirect:/channels";
    }

    private String replace(List<ChannelRule> rules, RedirectAttributes flash, String notice) {
        try {
            channels.replaceRules(Actors.workspace(), rules, Actors.require().name());
            audit.record("collect.channel_rules.replaced", "workspace:" + Actors.workspace(), rules.size() + " rules");
            flash.addFlashAttribute("notice", notice);
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/channels";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
