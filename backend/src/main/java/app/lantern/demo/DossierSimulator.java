package app.lantern.demo;

import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import app.lantern.demo.DemoModel.OfficialSeed;
import app.lantern.demo.DemoModel.ProcedureSeed;
import app.lantern.demo.DemoModel.StepSeed;
import app.lantern.demo.DemoModel.UnitSeed;
import app.lantern.dossier.DossierStatus;
import app.lantern.dossier.Lifecycle;
import app.lantern.dossier.LookupSecrets;
import app.lantern.dossier.ReceiptCodes;
import app.lantern.dossier.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulates one dossier's life through the same calendar and lifecycle rules the API enforces:
 * plans what happens on which working day (on time or late, supplement pause, rejection,
 * withdrawal, apology, return, rating), then replays the plan event by event through
 * {@link Lifecycle} up to the generator's "now". Pure: the same inputs give the same dossier.
 */
final class DossierSimulator {

    static final String DEMO_CITIZEN_ID = "040190000123";
    static final String DEMO_CITIZEN_NAME = "Phạm Thị Lan";
    /** The lookup secret of the demo citizen's dossiers (everyone else's is random and unknown). */
    static final String DEMO_CITIZEN_SECRET = "LANTERNDEMO";

    private final DemoCatalogue catalogue;
    private final Deadlines rules;
    private final WorkingDays days;
    private final Instant horizon;

    DossierSimulator(DemoCatalogue catalogue, WorkingDays days, LocalDate until) {
        this.catalogue = catalogue;
        this.rules = new Deadlines(days);
        this.days = days;
        this.horizon = until.plusDays(1).atStartOfDay(WorkingDays.ZONE).toInstant();
    }

    record DossierRow(long id, String receiptCode, long procedureId, long unitId, String applicantKind, String applicantName,
                      String identityNumber, String phone, String address, String channel, Instant receivedAt, LocalDate dueDate,
                      String status, Long currentStepId, Long currentOfficialId, Instant stepEnteredAt, String result,
                      Instant resolvedAt, Instant returnedAt, Instant closedAt, boolean late, boolean onlinePayment,
                      boolean digitisedDossier, boolean digitisedResult, Integer satisfaction, String lookupSecretHash,
                      String apologyReason, LocalDate apologyNewDate, Instant apologyIssuedAt, String rejectCategory,
                      String rejectReason, LocalDate clockStartedOn, int daysUsedBefore) {
    }

    record EventRow(long dossierId, int seq, String transition, String fromStatus, String toStatus, Long stepId, Instant at,
                    long unitId, Long officialId, String reason, String details) {
    }

    record OverrunRow(long dossierId, long stepId, long unitId, Long officialId, Instant enteredAt, Instant leftAt,
                      int allowance, int used, int over) {
    }

    record Simulated(DossierRow dossier, List<EventRow> events, List<OverrunRow> overruns) {
    }

    // ------------------------------------------------------------------ planning

    private record Planned(LocalDate date, Transition transition, int step, String reason, String details, int order) {
    }

    private static final String[] REJECT_CATEGORIES = {"APPLICANT", "APPLICANT", "APPLICANT", "POLICY_MECHANISM",
            "POLICY_MECHANISM", "OTHER", "HUMAN_RESOURCES", "FINANCE", "INFRASTRUCTURE"};
    private static final Map<String, String> REJECT_REASONS = Map.of(
            "APPLICANT", "Hồ sơ không đủ điều kiện theo quy định; người nộp không bổ sung được giấy tờ chứng minh",
            "POLICY_MECHANISM", "Chưa có hướng dẫn của cơ quan cấp trên; quy định pháp luật chưa thống nhất",
            "OTHER", "Thửa đất đang có tranh chấp, chưa đủ điều kiện giải quyết",
            "HUMAN_RESOURCES", "Không đủ công chức chuyên môn để thẩm định theo yêu cầu",
            "FINANCE", "Chưa bố trí được kinh phí để thực hiện",
            "INFRASTRUCTURE", "Hệ thống phần mềm chuyên ngành gặp sự cố, không kết nối được cơ sở dữ liệu");
    private static final String[] LATE_REASONS = {
            "Hồ sơ phải xác minh thực địa, lấy ý kiến các cơ quan liên quan",
            "Công chức thụ lý nghỉ ốm, chưa bố trí người thay thế kịp thời",
            "Chờ ý kiến phối hợp của cơ quan thuế",
            "Khối lượng hồ sơ tăng đột biến",
            "Phần mềm một cửa điện tử gặp sự cố"};
    /** The reason category of each late reason, in the same order (the same mapping as changelog 202611241200). */
    private static final String[] LATE_CATEGORIES = {"POLICY_MECHANISM", "HUMAN_RESOURCES", "OTHER", "HUMAN_RESOURCES",
            "INFRASTRUCTURE"};
    private static final String[] SUPPLEMENT_REASONS = {
            "Thiếu bản sao Giấy chứng nhận quyền sử dụng đất", "Đơn đề nghị chưa có chữ ký của đồng sở hữu",
            "Thiếu bản vẽ thiết kế theo mẫu", "Giấy tờ tùy thân hết hạn, đề nghị bổ sung bản sao hợp lệ",
            "Thiếu xác nhận của Ủy ban nhân dân cấp xã nơi cư trú"};

    /**
     * The reason category of an apology the generator wrote, derived from its reason so that the
     * simulated rows (and the pinned demo data hash) stay as they were; null without an apology.
     */
    static String apologyCategory(String apologyReason) {
        if (apologyReason == null) {
            return null;
        }
        for (int i = 0; i < LATE_REASONS.length; i++) {
            if (LATE_REASONS[i].equals(apologyReason)) {
                return LATE_CATEGORIES[i];
            }
        }
        return "OTHER";
    }

    Simulated simulate(long id, long seed, LocalDate day) {
        SplittableRandom r = new SplittableRandom(seed);
        List<UnitSeed> candidates = catalogue.filingUnits(day);
        UnitSeed unit = weightedUnit(candidates, r);
        List<ProcedureSeed> procedures = catalogue.proceduresFiledAt.get(unit.id());
        ProcedureSeed procedure = procedures.get((int) (procedures.size() * StrictMath.pow(r.nextDouble(), 2.4)));
        int year = day.getYear();

        // channel and receipt time
        double onlineShare = switch (year) {
            case 2021 -> 0.15; case 2022 -> 0.25; case 2023 -> 0.35; case 2024 -> 0.45; default -> 0.55;
        };
        String channel = !procedure.onlineLevel().equals("OFFLINE") && r.nextDouble() < onlineShare ? "ONLINE"
                : r.nextInt(100) < 3 ? "POSTAL" : "DIRECT";
        LocalDate receivedOn = channel.equals("ONLINE") || days.isWorkingDay(day) ? day : days.nextWorkingDay(day);
        LocalTime time = channel.equals("ONLINE") ? LocalTime.ofSecondOfDay(r.nextInt(6 * 3600, 23 * 3600))
                : LocalTime.of(7, 30).plusSeconds(r.nextInt(9 * 3600));
        Instant receivedAt = receivedOn.atTime(time).atZone(WorkingDays.ZONE).toInstant();

        // applicant
        boolean organisation = switch (procedure.field()) {
            case "BUSINESS", "CONSTRUCTION", "ENVIRONMENT", "PHARMACY", "FOOD_SAFETY" -> r.nextInt(100) < 45;
            case "CIVIL_STATUS", "SOCIAL_PROTECTION", "MERITORIOUS_PEOPLE", "NATIONALITY" -> false;
            default -> r.nextInt(100) < 8;
        };
        boolean demoCitizen = !organisation && id % 1999 == 17;
        String applicantName = organisation ? companyName(r) : demoCitizen ? DEMO_CITIZEN_NAME : DemoCatalogue.personName(r);
        String identity = organisation ? "29" + String.format("%08d", r.nextInt(100_000_000))
                : demoCitizen ? DEMO_CITIZEN_ID : "040" + (r.nextBoolean() ? "0" : "1") + String.format("%02d", r.nextInt(40, 100))
                + String.format("%06d", r.nextInt(1_000_000));
        String phone = "09" + String.format("%08d", r.nextInt(100_000_000));
        String address = "Xóm " + (1 + r.nextInt(15)) + ", " + unit.address();
        String receiptCode = ReceiptCodes.of(unit.code(), receivedAt, id);
        String secretHash = LookupSecrets.hash(receiptCode, demoCitizen ? DEMO_CITIZEN_SECRET : Long.toHexString(r.nextLong()));

        // the plan, in clock days
        int statutory = procedure.statutoryDays();
        List<StepSeed> steps = procedure.steps();
        int a1 = steps.get(0).allowanceDays();
        int a3 = steps.get(2).allowanceDays();
        double u = r.nextDouble();
        boolean withdraw = u < 0.012;
        boolean reject = !withdraw && u < 0.042;
        boolean stuck = !withdraw && !reject && u < 0.046;
        double lateRate = switch (year) {
            case 2021 -> 0.09; case 2022 -> 0.07; case 2023 -> 0.05; case 2024 -> 0.035; default -> 0.03;
        } * (unit.code().startsWith("NA-QUYHOP") ? 1.8 : unit.level().equals("DEPARTMENT") ? 0.7 : 1.0);
        boolean late = !withdraw && !reject && (stuck || r.nextDouble() < lateRate);
        boolean supplement = r.nextDouble() < (withdraw ? 0.4 : 0.08);

        int total = late ? statutory + (stuck ? 40 + r.nextInt(400) : 1 + r.nextInt(Math.max(2, statutory / 2 + 1)))
                : statutory - r.nextInt(statutory / 3 + 1);
        LocalDate d0 = receivedOn;
        LocalDate start = days.isWorkingDay(d0) && !time.isAfter(LocalTime.of(16, 30)) && (a1 == 0 || r.nextInt(100) < 70)
                ? d0 : days.nextWorkingDay(d0);
        int c1 = days.workingDaysBetween(d0, start);
        boolean lateAtApproval = late && !stuck && a3 > 0 && r.nextInt(100) < 25;
        int d3 = lateAtApproval ? a3 + (total - statutory) : Math.min(a3, Math.max(0, total - c1));
        int d2 = Math.max(0, total - c1 - d3);

        List<Planned> plan = new ArrayList<>();
        int order = 0;
        if (reject && r.nextInt(100) < 35) {
            String category = REJECT_CATEGORIES[r.nextInt(REJECT_CATEGORIES.length)];
            plan.add(new Planned(start, Transition.REJECT, 1, REJECT_REASONS.get(category), category, order++));
            return replay(id, r, unit, procedure, channel, receivedAt, receiptCode, secretHash, organisation, applicantName,
                    identity, phone, address, plan, d0);
        }
        plan.add(new Planned(start, Transition.ADVANCE, 2, null, null, order++));
        int k = supplement ? r.nextInt(Math.max(1, Math.min(d2, 5)) + 1) : 0;
        LocalDate paused = days.addWorkingDays(start, Math.min(k, d2));
        LocalDate clockStart = start;
        int usedBefore = c1;
        if (supplement) {
            String why = SUPPLEMENT_REASONS[r.nextInt(SUPPLEMENT_REASONS.length)];
            plan.add(new Planned(paused, Transition.REQUEST_SUPPLEMENT, 2, why, null, order++));
            LocalDate back = paused.plusDays(2 + r.nextInt(20));
            if (withdraw) {
                plan.add(new Planned(back, Transition.WITHDRAW, 2, "Người nộp không bổ sung được hồ sơ, xin rút", null, order++));
                return replay(id, r, unit, procedure, channel, receivedAt, receiptCode, secretHash, organisation, applicantName,
                        identity, phone, address, plan, d0);
            }
            if (!channel.equals("ONLINE") && !days.isWorkingDay(back)) {
                back = days.nextWorkingDay(back);
            }
            plan.add(new Planned(back, Transition.RESUME_AFTER_SUPPLEMENT, 2, null, null, order++));
            usedBefore = c1 + days.workingDaysBetween(start, paused);
            clockStart = back;
        }
        int left2 = Math.max(0, d2 - (supplement ? days.workingDaysBetween(start, paused) : 0));
        LocalDate end2 = days.addWorkingDays(clockStart, left2);
        if (reject || withdraw) {
            LocalDate when = days.addWorkingDays(clockStart, r.nextInt(left2 + 1));
            if (reject) {
                String category = REJECT_CATEGORIES[r.nextInt(REJECT_CATEGORIES.length)];
                plan.add(new Planned(when, Transition.REJECT, 2, REJECT_REASONS.get(category), category, order++));
            } else {
                plan.add(new Planned(when, Transition.WITHDRAW, 2, "Người nộp đề nghị rút hồ sơ", null, order++));
            }
            return replay(id, r, unit, procedure, channel, receivedAt, receiptCode, secretHash, organisation, applicantName,
                    identity, phone, address, plan, d0);
        }
        plan.add(new Planned(end2, Transition.ADVANCE, 3, null, null, order++));
        LocalDate end3 = days.addWorkingDays(end2, d3);
        plan.add(new Planned(end3, Transition.RESOLVE, 4, null, null, order++));
        LocalDate due = supplement ? rules.dueDateAfterSupplement(clockStart, statutory, usedBefore) : rules.dueDate(d0, statutory);
        if (late && end3.isAfter(due) && r.nextInt(100) < 62) {
            LocalDate newDate = days.addWorkingDays(end3, r.nextInt(3));
            plan.add(new Planned(due, Transition.ISSUE_APOLOGY, 0, LATE_REASONS[r.nextInt(LATE_REASONS.length)],
                    newDate.toString(), order++));
        }
        LocalDate returned = days.addWorkingDays(end3, r.nextInt(100) < 40 ? 0 : 1 + r.nextInt(3));
        plan.add(new Planned(returned, Transition.RETURN, 4, null, null, order++));
        if (r.nextInt(100) < 35) {
            int roll = r.nextInt(100) - (late ? 25 : 0);
            int stars = roll >= 45 ? 5 : roll >= 15 ? 4 : roll >= 5 ? 3 : roll >= 2 ? 2 : 1;
            plan.add(new Planned(returned, Transition.RATE, 4, null, Integer.toString(stars), order++));
        }
        return replay(id, r, unit, procedure, channel, receivedAt, receiptCode, secretHash, organisation, applicantName,
                identity, phone, address, plan, d0);
    }

    // ------------------------------------------------------------------ replay

    private Simulated replay(long id, SplittableRandom r, UnitSeed unit, ProcedureSeed procedure, String channel,
                             Instant receivedAt, String receiptCode, String secretHash, boolean organisation,
                             String applicantName, String identity, String phone, String address, List<Planned> plan,
                             LocalDate receivedOn) {
        plan.sort(Comparator.comparing(Planned::date).thenComparingInt(Planned::order));
        Map<String, List<OfficialSeed>> staff = catalogue.officialsByUnit.get(unit.id());
        OfficialSeed receptionist = pick(staff.get("RECEPTION"), r);
        OfficialSeed processor = pick(staff.get("PROCESSING"), r);
        OfficialSeed approver = pick(staff.get("APPROVAL"), r);
        int statutory = procedure.statutoryDays();

        List<EventRow> events = new ArrayList<>();
        List<OverrunRow> overruns = new ArrayList<>();
        DossierStatus status = DossierStatus.RECEIVED;
        StepSeed step = procedure.steps().get(0);
        OfficialSeed official = receptionist;
        Instant stepEntered = receivedAt;
        LocalDate due = rules.dueDate(receivedOn, statutory);
        LocalDate clockStart = receivedOn;
        int usedBefore = 0;
        LocalDate pausedOn = null;
        int pausedInStep = 0;
        Instant resolvedAt = null, returnedAt = null, closedAt = null, apologyAt = null;
        String apologyReason = null, rejectCategory = null, rejectReason = null, result = null;
        LocalDate apologyDate = null;
        Integer satisfaction = null;
        boolean late = false;
        events.add(new EventRow(id, 1, Transition.RECEIVE.name(), null, status.name(), step.id(), receivedAt, unit.id(),
                receptionist.id(), null, "{\"channel\":\"" + channel + "\"}"));
        Instant last = receivedAt;
        for (Planned p : plan) {
            Instant at = timeOn(p.date(), last, r);
            if (!at.isBefore(horizon)) {
                break;
            }
            LocalDate today = p.date();
            Lifecycle.Facts facts = new Lifecycle.Facts(status, due, late, satisfaction != null);
            if (Lifecycle.refusal(facts, p.transition(), today).isPresent()) {
                throw new IllegalStateException("Generator planned an unlawful " + p.transition() + " from " + status
                        + " for dossier " + id + ": " + Lifecycle.refusal(facts, p.transition(), today).get());
            }
            DossierStatus from = status;
            status = Lifecycle.target(status, p.transition()).orElseThrow();
            String details = "{}";
            Long eventOfficial = official.id();
            switch (p.transition()) {
                case ADVANCE, RESOLVE -> {
                    // leaving the current step: attribute any overrun to its official and unit
                    int used = days.workingDaysBetween(WorkingDays.localDate(stepEntered), today) - pausedInStep;
                    int over = Deadlines.overrunDays(step.ordinal(), used, step.allowanceDays());
                    if (over > 0) {
                        overruns.add(new OverrunRow(id, step.id(), unit.id(), official.id(), stepEntered, at,
                                step.allowanceDays(), used, over));
                    }
                    eventOfficial = official.id();
                    step = procedure.steps().get(p.step() - 1);
                    official = switch (p.step()) {
                        case 2 -> processor;
                        case 3 -> approver;
                        default -> receptionist;
                    };
                    stepEntered = at;
                    pausedInStep = 0;
                    if (p.transition() == Transition.RESOLVE) {
                        resolvedAt = at;
                        closedAt = at;
                        late = today.isAfter(due);
                        result = "Quyết định số " + (100 + id % 9000) + "/QĐ-UBND ngày " + today;
                        eventOfficial = approver.id();
                    } else {
                        details = "{\"assignedOfficialId\":" + official.id() + "}";
                    }
                }
                case REQUEST_SUPPLEMENT -> {
                    pausedOn = today;
                    usedBefore = rules.workingDaysUsed(clockStart, usedBefore, today);
                }
                case RESUME_AFTER_SUPPLEMENT -> {
                    pausedInStep += days.workingDaysBetween(pausedOn, today);
                    clockStart = today;
                    due = rules.dueDateAfterSupplement(today, statutory, usedBefore);
                    details = "{\"newDueDate\":\"" + due + "\"}";
                }
                case REJECT -> {
                    rejectCategory = p.details();
                    rejectReason = p.reason();
                    closedAt = at;
                    details = "{\"category\":\"" + rejectCategory + "\"}";
                }
                case WITHDRAW -> closedAt = at;
                case ISSUE_APOLOGY -> {
                    apologyAt = at;
                    apologyReason = p.reason();
                    apologyDate = LocalDate.parse(p.details());
                    details = "{\"newAppointmentDate\":\"" + apologyDate + "\"}";
                    eventOfficial = approver.id();
                }
                case RETURN -> {
                    returnedAt = at;
                    eventOfficial = receptionist.id();
                }
                case RATE -> {
                    satisfaction = Integer.parseInt(p.details());
                    details = "{\"satisfaction\":" + satisfaction + "}";
                    eventOfficial = receptionist.id();
                }
                default -> {
                }
            }
            events.add(new EventRow(id, events.size() + 1, p.transition().name(), from.name(), status.name(), step.id(), at,
                    unit.id(), eventOfficial, p.reason(), details));
            last = at;
        }
        boolean online = channel.equals("ONLINE");
        boolean feeOnline = online && procedure.fee() > 0 && r.nextInt(100) < 60;
        boolean digitised = online || r.nextInt(100) < 20 + 10 * (receivedOn.getYear() - 2021);
        boolean digitisedResult = resolvedAt != null && r.nextInt(100) < 25 + 10 * (receivedOn.getYear() - 2021);
        DossierRow row = new DossierRow(id, receiptCode, procedure.id(), unit.id(), organisation ? "ORGANISATION" : "PERSON",
                applicantName, identity, phone, address, channel, receivedAt, due, status.name(),
                status == DossierStatus.REJECTED || status == DossierStatus.WITHDRAWN ? null : step.id(),
                status.isOpen() || status == DossierStatus.RESOLVED ? official.id() : null,
                stepEntered, result, resolvedAt, returnedAt, closedAt, late, feeOnline, digitised, digitisedResult,
                satisfaction, secretHash, apologyReason, apologyDate, apologyAt, rejectCategory, rejectReason, clockStart,
                status == DossierStatus.SUPPLEMENT_REQUESTED ? usedBefore : (clockStart.equals(receivedOn) ? 0 : usedBefore));
        return new Simulated(row, events, overruns);
    }

    /** A time on {@code date} after {@code last}: office hours for a new day, a little later on the same day. */
    private static Instant timeOn(LocalDate date, Instant last, SplittableRandom r) {
        LocalDate lastDate = WorkingDays.localDate(last);
        Instant endOfDay = date.plusDays(1).atStartOfDay(WorkingDays.ZONE).toInstant().minusSeconds(60);
        if (date.isAfter(lastDate)) {
            return date.atTime(LocalTime.of(7, 30).plusSeconds(r.nextInt(9 * 3600))).atZone(WorkingDays.ZONE).toInstant();
        }
        Instant next = last.plus(5 + r.nextInt(120), ChronoUnit.MINUTES);
        if (next.isAfter(endOfDay)) {
            next = last.plusSeconds(1);
        }
        return next;
    }

    private static UnitSeed weightedUnit(List<UnitSeed> units, SplittableRandom r) {
        int total = 0;
        for (UnitSeed u : units) {
            total += DemoCatalogue.weight(u);
        }
        int x = r.nextInt(total);
        for (UnitSeed u : units) {
            x -= DemoCatalogue.weight(u);
            if (x < 0) {
                return u;
            }
        }
        return units.getLast();
    }

    private static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    private static final String[] COMPANY_KINDS = {"Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Doanh nghiệp tư nhân"};
    private static final String[] COMPANY_NAMES = {"Thành Đạt", "Hoàng Mai", "Sông Lam", "Phú Thành", "Minh Khang", "Bắc Trung Bộ",
            "Hồng Lĩnh", "Nam Đàn", "An Phát", "Trường Sơn", "Đại Phong", "Việt Hưng"};

    private static String companyName(SplittableRandom r) {
        return COMPANY_KINDS[r.nextInt(COMPANY_KINDS.length)] + " " + COMPANY_NAMES[r.nextInt(COMPANY_NAMES.length)]
                + (r.nextBoolean() ? " Nghệ An" : "");
    }
}
