package io.lodestar.campaign.dispatch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lodestar.campaign.campaign.CampaignDefinition;
import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.contact.Contact;
import io.lodestar.campaign.peers.RecommendationClient;
import io.lodestar.campaign.template.MessageTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fills a template for one customer at send time: their name, recommendation-service's picks for them (popular items
 * when it fails, see {@link RecommendationClient}) and their coupon with what it offers. Parsed templates are kept, as
 * a campaign renders the same few texts for its whole audience.
 */
@ApplicationScoped
public class MessageRenderer {

    /** The text and the items it recommends (for click attribution), and whether they are the popular fallback. */
    public record Rendered(String content, List<String> recommendedItemIds, boolean fallback) {
    }

    private static final int MAX_CACHED_TEMPLATES = 10_000;

    private final RecommendationClient recommendations;
    private final String defaultName;
    private final Map<String, MessageTemplate> parsed = new ConcurrentHashMap<>();

    public MessageRenderer(RecommendationClient recommendations, CampaignConfig config) {
        this.recommendations = recommendations;
        this.defaultName = config.defaultName();
    }

    public boolean needsRecommendations(String template) {
        return template(template).uses(MessageTemplate.Variable.RECOMMENDATIONS);
    }

    public Uni<Rendered> render(String template, Contact contact, CampaignDefinition.Offer offer, String couponCode) {
        MessageTemplate parsedTemplate = template(template);
        String name = contact.displayName() == null ? defaultName : contact.displayName();
        String coupon = couponCode == null ? "" : offer == null ? couponCode : couponCode + " (" + offer.describe() + ")";
        if (!parsedTemplate.uses(MessageTemplate.Variable.RECOMMENDATIONS)) {
            return Uni.createFrom().item(new Rendered(parsedTemplate.render(
                    new MessageTemplate.Values(name, "", coupon)), null, false));
        }
        return recommendations.forMessage(contact.customerId()).map(picks -> new Rendered(
                parsedTemplate.render(new MessageTemplate.Values(name, String.join(", ", picks.titles()), coupon)),
                picks.itemIds(), picks.fallback()));
    }

    private MessageTemplate template(String text) {
        MessageTemplate template = parsed.get(text);
        if (template == null) {
            template = MessageTemplate.parse(text);
            if (parsed.size() < MAX_CACHED_TEMPLATES) {
                parsed.put(text, template);
            }
        }
        return template;
    }
}
