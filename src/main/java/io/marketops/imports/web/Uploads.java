package io.marketops.imports.web;

import io.marketops.core.InvalidRequest;
import io.marketops.runtime.MarketOpsProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Saves an uploaded file under the data directory, where the import job takes it over. */
@Component
class Uploads {
    private final Path dir;

    Uploads(MarketOpsProperties props) {
        this.dir = props.dataDir().resolve("imports").resolve("uploads").toAbsolutePath();
    }

    Path save(MultipartFile file) {
        if (file == null || file.isEmpty()) throw new InvalidRequest("file", "is missing or empty; send the file as multipart field 'file'");
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(UUID.randomUUID().toString());
            file.transferTo(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
    }

    static String name(MultipartFile file) {
        String n = file.getOriginalFilename();
        if (n == null || n.isBlank()) return "upload";
        n = n.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
