package app.lantern.inspection.selfreport;

import app.lantern.inspection.finding.InspectionInbox;
import java.util.List;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The self-inspection reports of a unit head's inspection inbox (the recommendations come from the findings). */
@Controller
class SelfReportInboxController {

    private final SelfReports reports;

    SelfReportInboxController(SelfReports reports) {
        this.reports = reports;
    }

    @SchemaMapping(typeName = "InspectionInbox", field = "selfReports")
    List<SelfInspectionReport> selfReports(InspectionInbox inbox) {
        return reports.inbox();
    }
}
