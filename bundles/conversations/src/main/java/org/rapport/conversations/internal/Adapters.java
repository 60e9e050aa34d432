package org.rapport.conversations.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.osgi.framework.Constants;
import org.rapport.conversations.channel.ChannelAdapter;

/**
 * The channel adapters bound right now, and the choice among them (see {@link ChannelAdapter}):
 * the one for the message's channel and account, else the channel's best-ranked one.
 */
final class Adapters {

    /** A bound adapter with the service properties it was registered with. */
    record Bound(ChannelAdapter adapter, String channel, String account, int ranking, long serviceId) {}

    private final List<Bound> bound = new CopyOnWriteArrayList<>();
    private final Runnable onChange;

    Adapters(Runnable onChange) {
        this.onChange = onChange;
    }

    void add(ChannelAdapter adapter, Map<String, ?> properties) {
        Object channel = properties.get(ChannelAdapter.CHANNEL);
        if (!(channel instanceof String c) || c.isBlank()) {
            return;
        }
        Object account = properties.get(ChannelAdapter.ACCOUNT);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        bound.add(new Bound(adapter, c.trim(), account instanceof String a ? a.trim() : "", ranking instanceof Integer r ? r : 0,
                id instanceof Long l ? l : 0L));
        onChange.run();
    }

    void remove(ChannelAdapter adapter) {
        bound.removeIf(b -> b.adapter() == adapter);
    }

    Set<String> channels() {
        return bound.stream().map(Bound::channel).collect(Collectors.toSet());
    }

    Optional<ChannelAdapter> pick(String channel, String account) {
        Comparator<Bound> best = Comparator.comparingInt(Bound::ranking).reversed().thenComparingLong(Bound::serviceId);
        Optional<Bound> exact = bound.stream().filter(b -> b.channel().equals(channel) && b.account().equals(account)).sorted(best).findFirst();
        if (exact.isPresent()) {
            return exact.map(Bound::adapter);
        }
        return bound.stream().filter(b -> b.channel().equals(channel)).sorted(best).findFirst().map(Bound::adapter);
    }
}
