package app.lantern.catalogue.graphql;

import app.lantern.catalogue.CatalogueAdmin;
import app.lantern.catalogue.CatalogueAdmin.Result;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.Unit;
import app.lantern.shared.graphql.UserError;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Administrators' catalogue mutations. */
@Controller
class CatalogueMutationController {

    private final CatalogueAdmin admin;

    CatalogueMutationController(CatalogueAdmin admin) {
        this.admin = admin;
    }

    record UnitPayload(Unit unit, List<UserError> userErrors) {
    }

    record OfficialPayload(Official official, List<UserError> userErrors) {
    }

    record ProcedurePayload(Procedure procedure, List<UserError> userErrors) {
    }

    record UnitCreateInput(String code, String name, String level, String parentId, String address, String phone, String email,
                           Boolean oneStopShop, LocalDate validFrom) {
    }

    record UnitUpdateInput(String unitId, int version, String name, String address, String phone, String email, Boolean oneStopShop,
                           LocalDate validTo, String mergedIntoId) {
    }

    record OfficialCreateInput(String unitId, String fullName, String position, String idpUsername) {
    }

    record OfficialUpdateInput(String officialId, int version, String unitId, String fullName, String position, String idpUsername) {
    }

    record StepInput(String name, int allowanceWorkingDays, String responsibleUnitId) {
        CatalogueAdmin.Step toStep() {
            return new CatalogueAdmin.Step(name, allowanceWorkingDays, responsibleUnitId);
        }
    }

    record ProcedureCreateInput(String unitId, String nationalCode, String name, String field, String authorityLevel,
                                int statutoryWorkingDays, Integer fee, String onlineLevel, Boolean published, List<StepInput> steps,
                                LocalDate effectiveOn, LocalDate announcedOn, LocalDate publishedOn, Boolean fullContentPublished,
                                Boolean onlinePaymentEnabled, Boolean portalPaymentConfigured, Boolean populationDbConnected) {
        CatalogueAdmin.ProcedureSetup setup() {
            return new CatalogueAdmin.ProcedureSetup(effectiveOn, announcedOn, publishedOn, fullContentPublished, onlinePaymentEnabled,
                    portalPaymentConfigured, populationDbConnected);
        }
    }

    record ProcedureUpdateInput(String procedureId, int version, String name, Integer statutoryWorkingDays, Integer fee,
                                String onlineLevel, Boolean published, String reviewState, List<StepInput> steps,
                                LocalDate effectiveOn, LocalDate announcedOn, LocalDate publishedOn, Boolean fullContentPublished,
                                Boolean onlinePaymentEnabled, Boolean portalPaymentConfigured, Boolean populationDbConnected) {
        CatalogueAdmin.ProcedureSetup setup() {
            return new CatalogueAdmin.ProcedureSetup(effectiveOn, announcedOn, publishedOn, fullContentPublished, onlinePaymentEnabled,
                    portalPaymentConfigured, populationDbConnected);
        }
    }

    @MutationMapping
    UnitPayload unitCreate(@Argument UnitCreateInput input) {
        Result<Unit> r = admin.createUnit(new CatalogueAdmin.UnitCreate(input.code(), input.name(), input.level(), input.parentId(),
                input.address(), input.phone(), input.email(), Boolean.TRUE.equals(input.oneStopShop()), input.validFrom()));
        return new UnitPayload(r.value(), r.userErrors());
    }

    @MutationMapping
    UnitPayload unitUpdate(@Argument UnitUpdateInput input) {
        Result<Unit> r = admin.updateUnit(new CatalogueAdmin.UnitUpdate(input.unitId(), input.version(), input.name(), input.address(),
                input.phone(), input.email(), input.oneStopShop(), input.validTo(), input.mergedIntoId()));
        return new UnitPayload(r.value(), r.userErrors());
    }

    @MutationMapping
    OfficialPayload officialCreate(@Argument OfficialCreateInput input) {
        Result<Official> r = admin.createOfficial(new CatalogueAdmin.OfficialCreate(input.unitId(), input.fullName(), input.position(),
                input.idpUsername()));
        return new OfficialPayload(r.value(), r.userErrors());
    }

    @MutationMapping
    OfficialPayload officialUpdate(@Argument OfficialUpdateInput input) {
        Result<Official> r = admin.updateOfficial(new CatalogueAdmin.OfficialUpdate(input.officialId(), input.version(), input.unitId(),
                input.fullName(), input.position(), input.idpUsername()));
        return new OfficialPayload(r.value(), r.userErrors());
    }

    @MutationMapping
    ProcedurePayload procedureCreate(@Argument ProcedureCreateInput input) {
        Result<Procedure> r = admin.createProcedure(new CatalogueAdmin.ProcedureCreate(input.unitId(), input.nationalCode(), input.name(),
                input.field(), input.authorityLevel(), input.statutoryWorkingDays(), input.fee() == null ? 0 : input.fee(),
                input.onlineLevel(), Boolean.TRUE.equals(input.published()),
                input.steps() == null ? null : input.steps().stream().map(StepInput::toStep).toList(), input.setup()));
        return new ProcedurePayload(r.value(), r.userErrors());
    }

    @MutationMapping
    ProcedurePayload procedureUpdate(@Argument ProcedureUpdateInput input) {
        Result<Procedure> r = admin.updateProcedure(new CatalogueAdmin.ProcedureUpdate(input.procedureId(), input.version(), input.name(),
                input.statutoryWorkingDays(), input.fee() == null ? null : input.fee().longValue(), input.onlineLevel(), input.published(),
                input.reviewState(), input.steps() == null ? null : input.steps().stream().map(StepInput::toStep).toList(),
                input.setup()));
        return new ProcedurePayload(r.value(), r.userErrors());
    }
}
