package app.lantern.inspection.finding.web;

import app.lantern.inspection.finding.EvidenceDocument;
import app.lantern.inspection.finding.EvidenceDocuments;
import app.lantern.inspection.finding.FindingQueries;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Evidence documents over HTTP with a bearer token: {@code POST /api/evidence-documents}
 * (multipart field {@code file}, inspectors) answers the stored document's metadata with its
 * global ID, which a finding's evidence then links; {@code GET /api/evidence-documents/{id}}
 * downloads it for whoever may see it (404 for everyone else). Larger files than
 * {@code spring.servlet.multipart.max-file-size} (10 MB) are answered 413 by Spring MVC.
 */
@RestController
class EvidenceDocumentHttpController {

    static final String PATH = "/api/evidence-documents";

    private final EvidenceDocuments documents;
    private final FindingQueries queries;

    EvidenceDocumentHttpController(EvidenceDocuments documents, FindingQueries queries) {
        this.documents = documents;
        this.queries = queries;
    }

    /** What an upload answers. */
    record Uploaded(String id, String fileName, String contentType, int size, String sha256, String downloadUrl, String uploadedBy,
                    Instant uploadedAt) {
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Uploaded> upload(@RequestParam("file") MultipartFile file) throws IOException {
        EvidenceDocument d = documents.upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        String id = NodeId.encode("EvidenceDocument", d.key());
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, downloadUrl(d))
                .body(new Uploaded(id, d.fileName(), d.contentType(), d.size(), d.sha256(), downloadUrl(d), d.uploadedBy(), d.uploadedAt()));
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        long key;
        try {
            key = NodeId.longKey(id, "EvidenceDocument");
        } catch (NotFoundException e) {
            return ResponseEntity.notFound().build();
        }
        EvidenceDocument d = queries.document(key).orElse(null);
        byte[] content = d == null ? null : queries.documentContent(key).orElse(null);
        if (content == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(mediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + d.sha256() + "\"")
                .body(content);
    }

    /** Where a document is downloaded. */
    static String downloadUrl(EvidenceDocument d) {
        return PATH + "/" + NodeId.encode("EvidenceDocument", d.key());
    }

    private static MediaType mediaType(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    @ExceptionHandler(EvidenceDocuments.RefusedUpload.class)
    ResponseEntity<Map<String, String>> refused(EvidenceDocuments.RefusedUpload e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> noFile(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "Send the document as the multipart field 'file'"));
    }
}
