package app.lantern.demo;

import java.time.LocalDate;
import java.util.List;

/** The demo catalogue in memory, with the ids it is written under. */
final class DemoModel {

    private DemoModel() {
    }

    record UnitSeed(long id, String code, String name, String level, Long parentId, String path, String address,
                    String phone, boolean oneStopShop, LocalDate validFrom, LocalDate validTo) {

        boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    record Succession(long predecessorId, long successorId, String kind, LocalDate effectiveOn) {
    }

    /** {@code duty}: RECEPTION, PROCESSING or APPROVAL: which steps the official signs for. */
    record OfficialSeed(long id, long unitId, String fullName, String position, String username, String duty) {
    }

    record StepSeed(long id, long procedureId, int ordinal, String name, int allowanceDays, long responsibleUnitId) {
    }

    record ProcedureSeed(long id, long unitId, String nationalCode, String name, String field, String authorityLevel,
                         int statutoryDays, long fee, String onlineLevel, boolean published, String reviewState,
                         List<StepSeed> steps) {
    }
}
