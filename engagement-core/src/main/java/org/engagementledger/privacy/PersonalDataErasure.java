package org.engagementledger.privacy;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.engagementledger.api.Actor;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.privacy.DataSubjectErasure;
import org.engagementledger.api.privacy.EraseDataSubject;
import org.engagementledger.engagement.Engagement;
import org.engagementledger.engagement.NotPermittedException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Handles {@link EraseDataSubject}, in the one transaction Axon opens around a command:
 * <ol>
 *   <li>every engagement the key store names for the subject records a
 *       {@link org.engagementledger.api.engagement.DataSubjectErased} event, through the {@link Engagement}
 *       itself (chained like every event), if it holds personal data of the subject; the engagement refuses
 *       actors who may not erase there, which refuses the whole erasure;</li>
 *   <li>the subject's keys are destroyed;</li>
 *   <li>the snapshots of those engagements are deleted;</li>
 *   <li>after the commit, the key store stops serving the keys from its caches.</li>
 * </ol>
 * Either all of it commits or none of it. Engagements are loaded in id order, so two erasures never wait
 * for each other's locks in opposite orders. Read models purge their copies when they process the
 * erasure events (see {@code org.engagementledger.readmodel}).
 */
public final class PersonalDataErasure {

    private final Repository<Engagement> engagements;
    private final PersonalDataProtection protection;

    public PersonalDataErasure(Repository<Engagement> engagements, PersonalDataProtection protection) {
        this.engagements = engagements;
        this.protection = protection;
    }

    @CommandHandler
    public DataSubjectErasure handle(EraseDataSubject command, Actor actor) {
        if (!actor.role().isAgency()) {
            throw new NotPermittedException(actor.role() + " may not erase a data subject; allowed: AGENCY_BUYER, AGENCY_STAFF");
        }
        DataSubjectId subject = command.subject();
        PersonalDataKeys keys = protection.keys();
        List<EngagementId> recorded = new ArrayList<>();
        for (EngagementId id : keys.engagementsOf(subject)) {
            Aggregate<Engagement> engagement;
            try {
                engagement = engagements.load(id.value());
            } catch (AggregateNotFoundException neverStored) {
                continue; // the key was used by a write that rolled back
            }
            if (engagement.invoke(e -> e.eraseDataSubject(subject, command.ground(), actor))) {
                recorded.add(id);
            }
        }
        List<UUID> destroyed = keys.destroy(subject);
        protection.snapshots().purge(recorded);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> keys.erasureCommitted(subject, destroyed));
        } else {
            keys.erasureCommitted(subject, destroyed);
        }
        return new DataSubjectErasure(subject, recorded, destroyed.size());
    }
}
