package io.marketops.imports.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.marketops.core.PageQuery;
import io.marketops.core.WorkspaceId;
import io.marketops.imports.internal.ContactDirectory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** Writes contacts page by page as CSV, so an export of many customers does not sit in memory. */
final class ContactsCsv {
    private ContactsCsv() {
    }

    static long write(ContactDirectory contacts, WorkspaceId ws, boolean unmasked, OutputStream out) throws IOException {
        out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.writeRecord("customer_id", "name", "phone", "email", "wechat_openid", "wechat_unionid", "consents");
        long n = 0;
        for (int page = 1; ; page++) {
            var result = contacts.list(ws, null, new PageQuery(page, PageQuery.MAX_SIZE, "customerId", false), unmasked, null);
            for (var c : result.items()) {
                csv.writeRecord(c.customerId(), nz(c.name()), nz(c.phone()), nz(c.email()), nz(c.wechatOpenid()), nz(c.wechatUnionid()),
                        c.consents().toString());
                n++;
            }
            if ((long) page * PageQuery.MAX_SIZE >= result.total()) break;
        }
        csv.flush();
        return n;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
