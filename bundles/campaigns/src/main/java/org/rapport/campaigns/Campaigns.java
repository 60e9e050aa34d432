package org.rapport.campaigns;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.rapport.security.Principal;

/**
 * Care campaigns: saved segments, campaigns with templates and schedules, their runs and results.
 * Invalid input throws {@link InvalidCampaignException}; an action that does not fit the state
 * throws {@link CampaignStateException}; an unknown id throws {@link java.util.NoSuchElementException}.
 *
 * @since 0.1
 */
@ProviderType
public interface Campaigns {

    // --- segments ---

    /** How many contacts {@code rule} matches now and the first {@code sampleSize} of them (0 to 100). */
    SegmentPreview preview(Rule rule, int sampleSize);

    List<Segment> segments();

    Optional<Segment> segment(long id);

    Segment saveSegment(Long id, String name, String description, Rule rule, Principal actor);

    /** Deletes a saved segment; refused (state exception) while a campaign uses it. */
    void deleteSegment(long id);

    // --- campaigns ---

    List<Campaign> campaigns();

    Optional<Campaign> campaign(long id);

    /** Creates a campaign (validating its segment and every template); scheduled when its schedule is {@code once}. */
    Campaign create(CampaignInput input, Principal actor);

    /** Replaces a campaign's definition; refused while a run is running or paused. */
    Campaign update(long id, CampaignInput input, Principal actor);

    /** Deletes a campaign with its runs; refused while a run is running or paused. */
    void delete(long id);

    /**
     * Starts a new run now: the segment's contacts are materialised as the run's recipients, then
     * messaged in batches. A segment matching nobody launches nothing (state exception
     * {@code empty_segment}).
     *
     * @return the run's results so far
     */
    CampaignStats launch(long id, Principal actor);

    CampaignStats pause(long id, Principal actor);

    CampaignStats resume(long id, Principal actor);

    /** Cancels the running or paused run: recipients not messaged yet are marked cancelled. */
    CampaignStats cancel(long id, Principal actor);

    /** Results of the latest run. */
    CampaignStats stats(long id);

    /** Recipients of run {@code run} ({@code 0}: the latest), by contact id, a page from 1. */
    List<Recipient> recipients(long id, int run, int page, int size);

    /** The campaign's template rendered for a contact, in the contact's language. */
    Rendered render(long id, long contactId);

    /** Renders {@code input}'s templates for a contact without saving anything (the editor's preview). */
    Rendered render(CampaignInput input, long contactId);

    /**
     * The campaign's step {@code step} (0: its own templates, k: follow-up step k) rendered for a contact.
     *
     * @throws InvalidCampaignException when the campaign has no such step
     */
    Rendered render(long id, long contactId, int step);

    /** Renders step {@code step} of an unsaved definition for a contact (the editor's preview of a step). */
    Rendered render(CampaignInput input, long contactId, int step);

    /**
     * Sends the campaign's message, rendered for {@code contactId}, to that contact now (a test send
     * to the admin's own test contact), through the Messenger and its gate, marked as a test.
     *
     * @return the outcome's status ({@code queued}, {@code deferred}, {@code blocked}, ...) and reason
     */
    String testSend(long id, long contactId, Principal actor);

    /**
     * Sends the campaign's message, rendered for {@code contactId}, as {@code [TEST] …} to the calling
     * staff member's own email address (not to the contact): an internal message through the
     * Messenger and its gate.
     *
     * @return the outcome's status and reason as {@link #testSend}; {@code unreachable:no_address} when
     *         the caller has no email address set, {@code invalid:unknown_staff} for a caller that is no
     *         staff account
     * @since 0.2
     */
    String testSendToSelf(long id, long contactId, Principal actor);
}
