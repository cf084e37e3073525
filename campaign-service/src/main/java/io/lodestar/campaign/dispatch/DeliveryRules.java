package io.lodestar.campaign.dispatch;

import java.util.EnumMap;
import java.util.Map;

import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.delivery.ChannelPacer;
import io.lodestar.campaign.delivery.DeliveryPolicy;
import io.lodestar.campaign.delivery.FrequencyCaps;
import io.lodestar.contracts.MessageChannel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The delivery rules of this installation, built once from configuration: the caps, the per-channel rate limits
 * (one pacer for the whole service, so concurrent campaigns share each channel's rate) and the policy.
 */
@ApplicationScoped
public class DeliveryRules {

    private final DeliveryPolicy policy = new DeliveryPolicy();
    private final FrequencyCaps caps;
    private final ChannelPacer pacer;

    public DeliveryRules(CampaignConfig config) {
        CampaignConfig.Caps c = config.caps();
        FrequencyCaps caps = FrequencyCaps.none().withAllChannelsPerDay(c.allChannelsPerDay())
                .withAllChannelsPerWeek(c.allChannelsPerWeek());
        for (MessageChannel channel : MessageChannel.values()) {
            caps = caps.withChannelPerDay(channel, c.perChannelPerDay()).withChannelPerWeek(channel,
                    c.perChannelPerWeek());
        }
        this.caps = caps;
        CampaignConfig.RateLimits r = config.rateLimits();
        Map<MessageChannel, Integer> rates = new EnumMap<>(MessageChannel.class);
        rates.put(MessageChannel.APP_PUSH, r.appPush());
        rates.put(MessageChannel.SMS, r.sms());
        rates.put(MessageChannel.MINI_PROGRAM, r.miniProgram());
        rates.put(MessageChannel.EMAIL, r.email());
        rates.put(MessageChannel.WECOM, r.wecom());
        rates.put(MessageChannel.LIVE_STREAM, r.liveStream());
        rates.put(MessageChannel.COMMUNITY, r.community());
        this.pacer = new ChannelPacer(rates);
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    public FrequencyCaps caps() {
        return caps;
    }

    public ChannelPacer pacer() {
        return pacer;
    }
}
