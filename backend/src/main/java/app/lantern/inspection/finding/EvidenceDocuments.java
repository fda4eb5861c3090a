package app.lantern.inspection.finding;

import app.lantern.audit.AuditLog;
import app.lantern.inspection.finding.internal.FindingRepository;
import app.lantern.shared.security.Access;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploading evidence documents: inspectors only, at most {@value #MAX_SIZE} bytes, stored in the
 * database with their SHA-256 and uploader. Who may download one is {@link FindingQueries}'s rule.
 */
@Service
@PreAuthorize(Access.INSPECTOR)
public class EvidenceDocuments {

    /** 10 MB. */
    public static final int MAX_SIZE = 10 * 1024 * 1024;
    static final int MAX_NAME = 255;

    private final FindingRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    EvidenceDocuments(FindingRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why an upload was refused, for a 400 answer. */
    public static class RefusedUpload extends RuntimeException {
        public RefusedUpload(String message) {
            super(message);
        }
    }

    @Transactional
    public EvidenceDocument upload(String fileName, String contentType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new RefusedUpload("The file is empty");
        }
        if (content.length > MAX_SIZE) {
            throw new RefusedUpload("The file is larger than 10 MB");
        }
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        // browsers send a bare name; some send a path
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        String sha256 = sha256(content);
        Caller caller = Caller.current();
        long id = repository.insertDocument(name, type, content, sha256, caller.username(), caller.displayName(), clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", name);
        details.put("contentType", type);
        details.put("size", content.length);
        details.put("sha256", sha256);
        audit.record("evidenceDocument.upload", "EvidenceDocument", id, details);
        return repository.documentsByIds(java.util.List.of(id), caller).get(id);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
