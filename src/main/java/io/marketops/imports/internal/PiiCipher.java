package io.marketops.imports.internal;

import io.marketops.imports.ImportsProperties;
import io.marketops.runtime.MarketOpsProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts customers' PII at rest with AES-256-GCM (JCA). The key is 32 random bytes in a file
 * created on first use with owner-only permissions; losing it makes the stored PII unreadable,
 * so it belongs in the data directory's backups. Ciphertext: {@code v1:} + base64(12-byte IV ‖ ciphertext ‖ tag).
 */
@Component
class PiiCipher {
    private static final String PREFIX = "v1:";
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    @org.springframework.beans.factory.annotation.Autowired
    PiiCipher(MarketOpsProperties props, ImportsProperties imports) {
        this(imports.piiKeyFile() != null ? imports.piiKeyFile() : props.dataDir().resolve("keys").resolve("pii.key"));
    }

    PiiCipher(Path keyFile) {
        this.key = new SecretKeySpec(loadOrCreate(keyFile), "AES");
    }

    private byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system; the data directory's permissions apply
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another server made it first: use theirs
                }
            }
            byte[] k = Base64.getDecoder().decode(Files.readString(file).trim());
            if (k.length != 32) throw new IllegalStateException("PII key file " + file + " does not hold a 256-bit key");
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the PII key file " + file, e);
        }
    }

    String encrypt(String plain) {
        if (plain == null) return null;
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII encryption failed", e);
        }
    }

    String decrypt(String stored) {
        if (stored == null) return null;
        if (!stored.startsWith(PREFIX)) throw new IllegalStateException("not a PII ciphertext");
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII cannot be decrypted with this key file (was it replaced?)", e);
        }
    }
}
