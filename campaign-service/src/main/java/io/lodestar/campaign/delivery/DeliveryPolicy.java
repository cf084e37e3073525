package io.lodestar.campaign.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.lodestar.contracts.MessageChannel;

/**
 * Decides, for one customer and one message, which channel to use and when, from consent, the customer's send window
 * and frequency caps. Kept apart from the dispatcher (which loads the inputs and acts on the decision) so that the
 * rules are one pure function that tests can pin case by case.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>The channels are tried in the campaign's order of preference; the first one allowed wins, and each refused
 *       one is recorded with its reason ({@link ChannelRefusal}).</li>
 *   <li>A channel without the customer's consent is refused {@link SkipReason#NO_CONSENT}.</li>
 *   <li>The message goes out when the window next opens: {@code window.nextOpening(now, zone)}. If the window never
 *       opens, every consented channel is refused {@link SkipReason#WINDOW_NEVER_OPENS}.</li>
 *   <li>The caps are checked for the <em>local day of that release instant</em>: a message held overnight counts
 *       on tomorrow's caps, not today's. A capped channel is refused {@link SkipReason#CAPPED}.</li>
 *   <li>Transactional messages (an order confirmation, a password code) ignore the window and the caps and go out
 *       now; they still need consent to the channel.</li>
 * </ol>
 * The winner is a {@link DeliveryDecision.Send} when the release instant is {@code now}, else a
 * {@link DeliveryDecision.Hold}. When no channel wins, the {@link DeliveryDecision.Skip} reason describes the whole
 * decision rather than the last channel tried: {@code WINDOW_NEVER_OPENS} or {@code CAPPED} when some channel was
 * consented (so consent was not the obstacle; the window is the same for all channels, so the two never mix), else
 * {@code NO_CONSENT}, and {@code NO_CHANNEL} for an empty list of channels.
 *
 * <p>Stateless and thread-safe. Called per customer at thousands of customers per second, so it allocates nothing
 * beyond the decision (and a refusal list when a channel is refused), and computes the release instant once.
 */
public final class DeliveryPolicy {

    private static final DeliveryDecision.Skip NO_CHANNEL = new DeliveryDecision.Skip(SkipReason.NO_CHANNEL, List.of());

    /**
     * Decides how to deliver one message to one customer.
     *
     * @param channelsInPreferenceOrder the campaign's channels, most preferred first
     * @param consented                 the channels the customer consented to
     * @param zone                      the customer's time zone (window and caps are read in it)
     * @param now                       the decision time
     * @param window                    the customer's send window
     * @param caps                      the customer's frequency caps
     * @param counts                    what the customer was already sent (at least the ISO week of the release day)
     * @param transactional             whether the message bypasses the window and the caps
     */
    public DeliveryDecision decide(List<MessageChannel> channelsInPreferenceOrder, Set<MessageChannel> consented,
                                   ZoneId zone, Instant now, SendWindow window, FrequencyCaps caps, SentCounts counts,
                                   boolean transactional) {
        Objects.requireNonNull(channelsInPreferenceOrder, "channelsInPreferenceOrder");
        Objects.requireNonNull(consented, "consented");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(counts, "counts");
        if (channelsInPreferenceOrder.isEmpty()) {
            return NO_CHANNEL;
        }
        boolean windowNeverOpens = !transactional && window.neverOpens();
        boolean anyConsented = false;
        Instant release = null;
        LocalDate releaseDay = null;
        List<ChannelRefusal> refusals = null;
        // Indexed: preference lists are short random-access lists, and this runs per customer.
        for (int i = 0; i < channelsInPreferenceOrder.size(); i++) {
            MessageChannel channel = channelsInPreferenceOrder.get(i);
            if (channel == null) {
                throw new IllegalArgumentException("channelsInPreferenceOrder must not contain null");
            }
            SkipReason refusal;
            if (!consented.contains(channel)) {
                refusal = SkipReason.NO_CONSENT;
            } else {
                anyConsented = true;
                if (windowNeverOpens) {
                    refusal = SkipReason.WINDOW_NEVER_OPENS;
                } else {
                    if (release == null) {
                        // The same for every channel: computed at the first consented one only.
                        release = transactional ? now : window.nextOpening(now, zone);
                        releaseDay = LocalDate.ofInstant(release, zone);
                    }
                    if (transactional || caps.allows(channel, releaseDay, counts)) {
                        List<ChannelRefusal> fallbacks = refusals == null ? List.of() : refusals;
                        return release.equals(now)
                                ? new DeliveryDecision.Send(channel, now, fallbacks)
                                : new DeliveryDecision.Hold(channel, release, fallbacks);
                    }
                    refusal = SkipReason.CAPPED;
                }
            }
            if (refusals == null) {
                refusals = new ArrayList<>(channelsInPreferenceOrder.size());
            }
            refusals.add(ChannelRefusal.of(channel, refusal));
        }
        SkipReason reason = !anyConsented ? SkipReason.NO_CONSENT
                : windowNeverOpens ? SkipReason.WINDOW_NEVER_OPENS : SkipReason.CAPPED;
        return new DeliveryDecision.Skip(reason, refusals);
    }
}
