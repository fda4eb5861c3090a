package app.lantern.inspection.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Uploading evidence documents, linking them to findings, and who may download them. */
class EvidenceDocumentsIT extends FindingTestBase {

    private static final String LEAD = "inspector.lead";
    private static final String HOA = "inspector.hoa";

    private String token(String who) {
        return switch (who) {
            case LEAD -> tokens().staff(LEAD, "NA-TTT", "inspector");
            case HOA -> tokens().staff(HOA, "NA-TTT", "inspector");
            case "other" -> tokens().staff("inspector.other", "NA-TTT", "inspector");
            case "citizen" -> tokens().citizen("citizen", "040190000123");
            case "partner" -> tokens().partner("lantern-partner-demo");
            default -> tokens().staff("head." + who.toLowerCase(), who, "unit_head");
        };
    }

    private WebTestClient.ResponseSpec upload(String who, String fileName, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_PDF);
        WebTestClient.RequestBodySpec request = http().post().uri("/api/evidence-documents");
        if (who != null) {
            request = request.headers(h -> h.setBearerAuth(token(who)));
        }
        return request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> uploaded(String who, String fileName, byte[] content) {
        return upload(who, fileName, content).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec download(String who, String url) {
        WebTestClient.RequestHeadersSpec<?> request = http().get().uri(url);
        if (who != null) {
            request = request.headers(h -> h.setBearerAuth(token(who)));
        }
        return request.exchange();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void anInspectorUploadsADocumentStoredWithItsDigestAndDownloadsIt() throws Exception {
        byte[] content = "%PDF-1.4 biên bản làm việc với Sở Y tế".getBytes(StandardCharsets.UTF_8);
        long audits = count("select count(*) from audit_record where action = 'evidenceDocument.upload'");
        Map<String, Object> doc = uploaded(HOA, "Biên bản làm việc.pdf", content);
        assertThat(doc.get("fileName")).isEqualTo("Biên bản làm việc.pdf");
        assertThat(doc.get("contentType")).isEqualTo("application/pdf");
        assertThat(doc.get("size")).isEqualTo(content.length);
        assertThat(doc.get("sha256")).isEqualTo(sha256(content));
        assertThat(doc.get("uploadedBy")).isEqualTo(HOA);
        String url = (String) doc.get("downloadUrl");
        assertThat(url).isEqualTo("/api/evidence-documents/" + doc.get("id"));
        assertThat(count("select count(*) from audit_record where action = 'evidenceDocument.upload'")).isEqualTo(audits + 1);

        byte[] body = download(HOA, url).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueMatches("Content-Disposition", "attachment; .*filename\\*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20l%C3%A0m%20vi%E1%BB%87c\\.pdf")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(content);
        as(token(HOA)).documentName("findingNode").variable("id", doc.get("id")).execute()
                .path("node.fileName").entity(String.class).isEqualTo("Biên bản làm việc.pdf")
                .path("node.size").entity(Integer.class).isEqualTo(content.length);

        // not linked to any finding yet: only its uploader sees it
        for (String other : List.of(LEAD, "other", "NA-SYT")) {
            download(other, url).expectStatus().isNotFound();
            as(token(other)).documentName("findingNode").variable("id", doc.get("id")).execute().path("node").valueIsNull();
        }
        download(HOA, "/api/evidence-documents/not-an-id").expectStatus().isNotFound();
        download("citizen", url).expectStatus().isForbidden();
        download("partner", url).expectStatus().isForbidden();
        download(null, url).expectStatus().isUnauthorized();
        refusedWith(citizen().documentName("findingNode").variable("id", doc.get("id")).execute(), ErrorType.FORBIDDEN, "node");
    }

    @Test
    void onlyInspectorsUploadAndAtMostTenMegabytes() {
        long documents = count("select count(*) from evidence_document");
        byte[] content = "biên bản".getBytes(StandardCharsets.UTF_8);
        for (String refused : List.of("NA-SYT", "citizen", "partner")) {
            upload(refused, "a.pdf", content).expectStatus().isForbidden();
        }
        upload(null, "a.pdf", content).expectStatus().isUnauthorized();
        upload(HOA, "empty.pdf", new byte[0]).expectStatus().isBadRequest();
        upload(HOA, "large.pdf", new byte[10 * 1024 * 1024 + 1]).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        http().post().uri("/api/evidence-documents").headers(h -> h.setBearerAuth(token(HOA)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData("other", "x")).exchange()
                .expectStatus().isBadRequest();
        assertThat(count("select count(*) from evidence_document")).isEqualTo(documents);
        // exactly 10 MB is fine
        uploaded(HOA, "exactly.pdf", new byte[10 * 1024 * 1024]);
        assertThat(count("select count(*) from evidence_document")).isEqualTo(documents + 1);
    }

    @Test
    void aLinkedDocumentIsSeenByThePlansTeamAndAfterTheConclusionByTheUnitsHead() {
        PlanRef plan = planInFieldwork();
        byte[] content = "%PDF-1.4 ảnh chụp bảng niêm yết".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> doc = uploaded(HOA, "niem-yet.pdf", content);
        String url = (String) doc.get("downloadUrl");
        Map<String, Object> notMine = uploaded("other", "khac.pdf", content);

        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(input("kind", "DOCUMENT",
                "documentId", notMine.get("id"))))), "findingRecord", "NOT_FOUND", "input", "evidence", "0", "documentId");
        GraphQlTester.Response recorded = mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(
                input("kind", "DOCUMENT", "documentId", doc.get("id"), "note", "Bảng niêm yết cũ"))));
        recorded.path("findingRecord.finding.evidence[0].document.fileName").entity(String.class).isEqualTo("niem-yet.pdf");
        recorded.path("findingRecord.finding.evidence[0].document.downloadUrl").entity(String.class).isEqualTo(url);
        findingRef(recorded, "findingRecord");

        download(LEAD, url).expectStatus().isOk();
        inspector().documentName("findingNode").variable("id", doc.get("id")).execute().path("node.fileName").entity(String.class)
                .isEqualTo("niem-yet.pdf");
        for (String outsider : List.of("other", "NA-SYT", "NA-QUYHOP")) {
            download(outsider, url).expectStatus().isNotFound();
        }
        conclude(plan);
        byte[] body = download("NA-SYT", url).expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(content);
        unitHead("NA-SYT").documentName("findingNode").variable("id", doc.get("id")).execute().path("node.fileName")
                .entity(String.class).isEqualTo("niem-yet.pdf");
        for (String outsider : List.of("other", "NA-QUYHOP", "NA-SNV")) {
            download(outsider, url).expectStatus().isNotFound();
        }
    }
}
