package io.marketops.reports.internal;

import io.marketops.core.InvalidRequest;

import java.util.Arrays;
import java.util.Locale;

/**
 * A group robot (群机器人) a report is posted to.
 *
 * @param url    the webhook address (its key or access token is part of it)
 * @param secret the signing secret (加签) for DingTalk and Feishu; null when the robot does not sign
 */
public record Robot(Kind kind, String url, String secret) {

    public enum Kind {
        WECOM, DINGTALK, FEISHU;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String field, String value) {
            return Arrays.stream(values()).filter(k -> k.id().equalsIgnoreCase(value == null ? "" : value.trim())).findFirst()
                    .orElseThrow(() -> new InvalidRequest(field, "must be wecom, dingtalk or feishu, was '" + value + "'"));
        }
    }

    /** The address with its key or token hidden (query values and the last path segment shortened), for lists and logs. */
    public String maskedUrl() {
        return mask(url);
    }

    static String mask(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        int slash = base.lastIndexOf('/');
        String last = base.substring(slash + 1);
        if (q < 0 && last.length() > 8) return base.substring(0, slash + 1) + last.substring(0, 4) + "…";
        if (q < 0) return url;
        StringBuilder b = new StringBuilder(base).append('?');
        String[] pairs = url.substring(q + 1).split("&");
        for (int k = 0; k < pairs.length; k++) {
            String[] kv = pairs[k].split("=", 2);
            if (k > 0) b.append('&');
            b.append(kv[0]);
            if (kv.length > 1) b.append('=').append(kv[1].length() > 4 ? kv[1].substring(0, 4) + "…" : kv[1]);
        }
        return b.toString();
    }
}
