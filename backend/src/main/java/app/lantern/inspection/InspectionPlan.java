package app.lantern.inspection;

import java.time.LocalDate;

/** An inspection plan's header as stored; checklist, targets and team load separately. */
public record InspectionPlan(long key, String number, String title, String issuingAuthority, LocalDate issueDate,
                             LocalDate periodFrom, LocalDate periodTo, LocalDate selfReportDue, LocalDate fieldworkFrom,
                             LocalDate fieldworkTo, LocalDate conclusionDue, PlanStatus status, int version) {
}
