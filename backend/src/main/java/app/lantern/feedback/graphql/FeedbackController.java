package app.lantern.feedback.graphql;

import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.Unit;
import app.lantern.feedback.Feedback;
import app.lantern.feedback.FeedbackInbox;
import app.lantern.feedback.FeedbackService;
import app.lantern.feedback.internal.FeedbackRepository;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NodeResolver;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.web.ClientAddress;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Feedback: the public pickers, submission and follow-up; the staff list and answer. */
@Controller
class FeedbackController implements NodeResolver {

    private final FeedbackService feedback;
    private final FeedbackInbox inbox;
    private final CatalogueService catalogue;

    FeedbackController(FeedbackService feedback, FeedbackInbox inbox, CatalogueService catalogue) {
        this.feedback = feedback;
        this.inbox = inbox;
        this.catalogue = catalogue;
    }

    @Override
    public String typeName() {
        return "Feedback";
    }

    @Override
    public Optional<?> find(long key) {
        return inbox.byId(key);
    }

    // ------------------------------------------------------------------ public

    @QueryMapping
    List<FeedbackRepository.UnitOption> feedbackUnits() {
        return feedback.units();
    }

    @QueryMapping
    List<FeedbackRepository.ProcedureOption> feedbackProcedures(@Argument String text, @Argument String unit, @Argument Integer first) {
        return feedback.procedures(text, unit, first);
    }

    @SchemaMapping(typeName = "FeedbackUnit", field = "id")
    String unitOptionId(FeedbackRepository.UnitOption unit) {
        return NodeId.encode("Unit", unit.id());
    }

    @SchemaMapping(typeName = "FeedbackProcedure", field = "id")
    String procedureOptionId(FeedbackRepository.ProcedureOption procedure) {
        return NodeId.encode("Procedure", procedure.id());
    }

    @QueryMapping
    Feedback feedbackStatus(@Argument String code, @Argument String secret,
                            @ContextValue(name = ClientAddress.CONTEXT_KEY) String clientAddress) {
        return feedback.status(code, secret, clientAddress).orElse(null);
    }

    record FeedbackSubmitInput(String kind, String procedureId, String unitId, String dossierReceiptCode, String dossierSecondFactor,
                               String message, String senderName, String senderEmail, String senderPhone) {
    }

    @MutationMapping
    FeedbackService.Submitted feedbackSubmit(@Argument FeedbackSubmitInput input,
                                             @ContextValue(name = ClientAddress.CONTEXT_KEY) String clientAddress) {
        return feedback.submit(new FeedbackService.Submission(input.kind(), input.procedureId(), input.unitId(),
                input.dossierReceiptCode(), input.dossierSecondFactor(), input.message(), input.senderName(), input.senderEmail(),
                input.senderPhone()), clientAddress);
    }

    record FeedbackRateInput(String code, String secret, int rating) {
    }

    @MutationMapping
    FeedbackService.Rated feedbackRate(@Argument FeedbackRateInput input,
                                       @ContextValue(name = ClientAddress.CONTEXT_KEY) String clientAddress) {
        return feedback.rate(input.code(), input.secret(), input.rating(), clientAddress);
    }

    @SchemaMapping(typeName = "PublicFeedback", field = "overdue")
    boolean publicOverdue(Feedback f) {
        return f.overdueOn(feedback.today());
    }

    @SchemaMapping(typeName = "PublicFeedback", field = "answer")
    Feedback.Answer publicAnswer(Feedback f) {
        return f.answerView();
    }

    @SchemaMapping(typeName = "PublicFeedback", field = "status")
    Feedback.Status publicStatus(Feedback f) {
        return f.status();
    }

    @SchemaMapping(typeName = "PublicFeedback", field = "canRate")
    boolean canRate(Feedback f) {
        return f.canRate();
    }

    // ------------------------------------------------------------------ staff

    record FeedbackFilterInput(String unit, Boolean includeSubunits, Feedback.Status status, Boolean overdue, String kind,
                               LocalDate submittedFrom, LocalDate submittedTo, String text) {
        FeedbackRepository.Filter toFilter() {
            return new FeedbackRepository.Filter(unit == null ? null : NodeId.longKey(unit, "Unit"),
                    includeSubunits == null || includeSubunits, status, overdue, kind, submittedFrom, submittedTo,
                    text == null || text.isBlank() ? null : text.strip());
        }
    }

    record FeedbackOrderInput(String field, String direction) {
        FeedbackRepository.Order toOrder() {
            return FeedbackRepository.Order.valueOf(field + "_" + direction);
        }
    }

    @QueryMapping
    Connection<Feedback> feedbackList(@Argument FeedbackFilterInput filter, @Argument List<FeedbackOrderInput> orderBy,
                                      @Argument Integer first, @Argument String after, @Argument Integer last,
                                      @Argument String before, DataFetchingFieldSelectionSet selection) {
        FeedbackRepository.Order order = orderBy == null || orderBy.isEmpty() ? null : orderBy.getFirst().toOrder();
        return inbox.page(filter == null ? null : filter.toFilter(), order, PageRequest.of(first, after, last, before),
                selection.contains("totalCount"));
    }

    @QueryMapping
    FeedbackRepository.Statistics feedbackStatistics(@Argument FeedbackFilterInput filter) {
        return inbox.statistics(filter == null ? null : filter.toFilter());
    }

    record FeedbackAnswerInput(String feedbackId, int version, String answer) {
    }

    @MutationMapping
    FeedbackInbox.Answered feedbackAnswer(@Argument FeedbackAnswerInput input) {
        return inbox.answer(input.feedbackId(), input.version(), input.answer());
    }

    @SchemaMapping(typeName = "Feedback", field = "id")
    String id(Feedback f) {
        return NodeId.encode("Feedback", f.key());
    }

    @SchemaMapping(typeName = "Feedback", field = "status")
    Feedback.Status status(Feedback f) {
        return f.status();
    }

    @SchemaMapping(typeName = "Feedback", field = "overdue")
    boolean overdue(Feedback f) {
        return f.overdueOn(inbox.today());
    }

    @SchemaMapping(typeName = "Feedback", field = "answer")
    Feedback.Answer answer(Feedback f) {
        return f.answerView();
    }

    record Sender(String name, String email, String phone, boolean loggedIn) {
    }

    @SchemaMapping(typeName = "Feedback", field = "sender")
    Sender sender(Feedback f) {
        return f.senderVisible() ? new Sender(f.senderName(), f.senderEmail(), f.senderPhone(), f.senderLoggedIn()) : null;
    }

    @BatchMapping(typeName = "Feedback", field = "unit")
    Map<Feedback, Unit> unit(List<Feedback> list) {
        return join(list, catalogue.unitsByIds(list.stream().map(Feedback::unitId).toList()), Feedback::unitId);
    }

    @BatchMapping(typeName = "Feedback", field = "procedure")
    Map<Feedback, Procedure> procedure(List<Feedback> list) {
        return join(list, catalogue.proceduresByIds(list.stream().map(Feedback::procedureId).filter(id -> id != null).toList()),
                Feedback::procedureId);
    }

    @BatchMapping(typeName = "Feedback", field = "answeredBy")
    Map<Feedback, Official> answeredBy(List<Feedback> list) {
        return join(list, catalogue.officialsByIds(list.stream().map(Feedback::answeredByOfficialId).filter(id -> id != null).toList()),
                Feedback::answeredByOfficialId);
    }

    private static <S, T> Map<S, T> join(List<S> sources, Map<Long, T> targets, Function<S, Long> key) {
        Map<S, T> result = new LinkedHashMap<>();
        sources.forEach(s -> {
            Long id = key.apply(s);
            result.put(s, id == null ? null : targets.get(id));
        });
        return result;
    }
}
