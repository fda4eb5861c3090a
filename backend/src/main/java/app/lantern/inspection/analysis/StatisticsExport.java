package app.lantern.inspection.analysis;

import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.Unit;
import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.analysis.PlanAnalysis.CauseCount;
import app.lantern.inspection.analysis.PlanAnalysis.Part;
import app.lantern.inspection.analysis.PlanAnalysis.Workbook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A plan's statistics as a workbook of four sheets (per unit, by field, by procedure, causes), in
 * Vietnamese, written as XLSX (plain SpreadsheetML, inline strings) or as one CSV file in UTF-8
 * with a byte order mark (so that Excel keeps the diacritics), the sheets one after another.
 */
final class StatisticsExport {

    /** One sheet: its name and rows, the first row the header; cells are strings or numbers. */
    record Sheet(String name, List<List<Object>> rows) {
    }

    static final List<String> FIGURE_HEADERS = List.of("Tiếp nhận trực tiếp", "Tiếp nhận trực tuyến", "Tiếp nhận qua bưu chính",
            "Tổng tiếp nhận trong kỳ", "Kỳ trước chuyển sang", "Giải quyết đúng hạn", "Giải quyết quá hạn",
            "Quá hạn không có văn bản xin lỗi", "Từ chối", "Rút hồ sơ", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn");

    static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("LAND", "Đất đai"), Map.entry("CIVIL_STATUS", "Hộ tịch"),
            Map.entry("CONSTRUCTION", "Xây dựng"), Map.entry("BUSINESS", "Kinh doanh"), Map.entry("HEALTH", "Y tế"),
            Map.entry("PHARMACY", "Dược"), Map.entry("FOOD_SAFETY", "An toàn thực phẩm"), Map.entry("SOCIAL_PROTECTION", "Bảo trợ xã hội"),
            Map.entry("MERITORIOUS_PEOPLE", "Người có công"), Map.entry("EDUCATION", "Giáo dục"), Map.entry("JUSTICE", "Tư pháp, chứng thực"),
            Map.entry("NATIONALITY", "Quốc tịch"), Map.entry("HOME_AFFAIRS", "Nội vụ"), Map.entry("ENVIRONMENT", "Môi trường"),
            Map.entry("TRANSPORT", "Giao thông"), Map.entry("AGRICULTURE", "Nông nghiệp"), Map.entry("CULTURE", "Văn hóa"));

    static final Map<String, String> CATEGORIES = Map.of("POLICY_MECHANISM", "Cơ chế, chính sách", "HUMAN_RESOURCES", "Nhân lực",
            "INFRASTRUCTURE", "Cơ sở vật chất, hạ tầng", "FINANCE", "Tài chính", "APPLICANT", "Từ phía người nộp hồ sơ", "OTHER", "Khác");

    static final String WHOLE_PLAN = "Toàn kế hoạch";

    private StatisticsExport() {
    }

    static List<Sheet> sheets(Workbook w, Map<Long, Unit> units, Map<Long, Procedure> procedures) {
        List<List<Object>> perUnit = new ArrayList<>();
        perUnit.add(header(List.of("Đơn vị", "Mã đơn vị")));
        for (PlanStatistics s : w.perUnit()) {
            Unit unit = s.unitId() == null ? null : units.get(s.unitId());
            perUnit.add(row(List.of(unit == null ? WHOLE_PLAN : unit.name(), unit == null ? "" : unit.code()), s));
        }
        List<List<Object>> byField = new ArrayList<>();
        byField.add(header(List.of("Phạm vi", "Lĩnh vực")));
        List<List<Object>> byProcedure = new ArrayList<>();
        byProcedure.add(header(List.of("Phạm vi", "Mã thủ tục", "Thủ tục")));
        List<List<Object>> causes = new ArrayList<>();
        causes.add(List.of("Phạm vi", "Loại", "Nhóm nguyên nhân", "Số hồ sơ"));
        for (Part part : w.parts()) {
            String scope = scope(part, units);
            for (PlanStatistics s : w.byField().getOrDefault(part, List.of())) {
                byField.add(row(List.of(scope, FIELDS.getOrDefault(s.field(), s.field())), s));
            }
            for (PlanStatistics s : w.byProcedure().getOrDefault(part, List.of())) {
                Procedure p = procedures.get(s.procedureId());
                byProcedure.add(row(List.of(scope, p == null ? "" : p.nationalCode(), p == null ? "" : p.name()), s));
            }
            for (CauseCount c : w.causes().getOrDefault(part, List.of())) {
                causes.add(List.of(scope, "LATE".equals(c.kind()) ? "Trễ hạn" : "Từ chối",
                        CATEGORIES.getOrDefault(c.category(), c.category()), c.count()));
            }
        }
        return List.of(new Sheet("Theo đơn vị", perUnit), new Sheet("Theo lĩnh vực", byField),
                new Sheet("Theo thủ tục", byProcedure), new Sheet("Nguyên nhân", causes));
    }

    private static String scope(Part part, Map<Long, Unit> units) {
        Unit unit = part.unitId() == null ? null : units.get(part.unitId());
        return unit == null ? WHOLE_PLAN : unit.name();
    }

    private static List<Object> header(List<String> leading) {
        List<Object> row = new ArrayList<>(leading);
        row.addAll(FIGURE_HEADERS);
        return row;
    }

    private static List<Object> row(List<String> leading, PlanStatistics s) {
        List<Object> row = new ArrayList<>(leading);
        row.addAll(List.of(s.receivedDirect(), s.receivedOnline(), s.receivedPostal(), s.received(), s.carriedOver(),
                s.resolvedOnTime(), s.resolvedLate(), s.lateWithoutApology(), s.rejected(), s.withdrawn(), s.openWithinTime(),
                s.openOverdue()));
        return row;
    }

    // ------------------------------------------------------------------ CSV

    static byte[] csv(List<Sheet> sheets) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (int i = 0; i < sheets.size(); i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            out.append(csvCell(sheets.get(i).name())).append("\r\n");
            for (List<Object> row : sheets.get(i).rows()) {
                for (int c = 0; c < row.size(); c++) {
                    out.append(c == 0 ? "" : ",").append(csvCell(row.get(c)));
                }
                out.append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(Object value) {
        String text = String.valueOf(value);
        // a leading = + - @ would make Excel evaluate the cell as a formula
        if (value instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    // ------------------------------------------------------------------ XLSX

    static byte[] xlsx(List<Sheet> sheets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            StringBuilder types = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
            StringBuilder workbook = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
            StringBuilder rels = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
            for (int i = 1; i <= sheets.size(); i++) {
                types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                        .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                workbook.append("<sheet name=\"").append(xml(sheets.get(i - 1).name())).append("\" sheetId=\"").append(i)
                        .append("\" r:id=\"rId").append(i).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(i)
                        .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                        .append(i).append(".xml\"/>");
            }
            entry(zip, "[Content_Types].xml", types.append("</Types>").toString());
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                    Target="xl/workbook.xml"/></Relationships>""");
            entry(zip, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
            entry(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            for (int i = 1; i <= sheets.size(); i++) {
                entry(zip, "xl/worksheets/sheet" + i + ".xml", sheet(sheets.get(i - 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sheet(Sheet sheet) {
        StringBuilder out = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (int r = 0; r < sheet.rows().size(); r++) {
            out.append("<row r=\"").append(r + 1).append("\">");
            List<Object> row = sheet.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                String ref = column(c) + (r + 1);
                Object value = row.get(c);
                if (value instanceof Number n) {
                    out.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
                } else {
                    out.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                            .append(xml(String.valueOf(value))).append("</t></is></c>");
                }
            }
            out.append("</row>");
        }
        return out.append("</sheetData></worksheet>").toString();
    }

    /** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            letters.insert(0, (char) ('A' + i % 26));
        }
        return letters.toString();
    }

    private static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // characters XML 1.0 cannot hold are dropped
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
