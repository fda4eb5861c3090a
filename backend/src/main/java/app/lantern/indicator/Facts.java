package app.lantern.indicator;

import app.lantern.indicator.internal.FactsRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts the indicators count, for dossiers and procedures the caller has already been shown
 * (no authorisation of its own: the objects were scoped when they were read, and these facts are
 * not personal data).
 */
@Service
@Transactional(readOnly = true)
public class Facts {

    /** A dossier's facts of receipt and result. */
    public record DossierFacts(long feeAmount, boolean syncedToNationalPortal, boolean certifiedCopyRequested,
                               boolean certifiedCopyElectronic, boolean reusedDigitisedData, boolean usedPopulationData,
                               boolean resultSyncedToCitizenStore) {
    }

    /** A procedure's announcement, publication and set-up. */
    public record ProcedureFacts(LocalDate effectiveOn, LocalDate announcedOn, LocalDate publishedOn, boolean fullContentPublished,
                                 boolean onlinePaymentEnabled, boolean portalPaymentConfigured, boolean populationDbConnected) {
    }

    private final FactsRepository repository;

    Facts(FactsRepository repository) {
        this.repository = repository;
    }

    public Map<Long, DossierFacts> ofDossiers(Collection<Long> ids) {
        return repository.dossiers(ids);
    }

    public Map<Long, ProcedureFacts> ofProcedures(Collection<Long> ids) {
        return repository.procedures(ids);
    }
}
