package l2rl.baseline;

import l2rl.env.EpisodeHistory;

/**
 * A policy acting on a {@link RestlessFilter} of its episode's evidence. Its choice is a function of the history
 * alone, as every policy's; the filter is only a cache: each thread keeps the filter of the history it saw last and
 * takes in just the trials added since (a history only grows), instead of refiltering 100 trials at every trial.
 */
abstract class FilterPolicy implements BanditPolicy {
    private final RestlessFilter prototype;
    private final ThreadLocal<Cached> cache = ThreadLocal.withInitial(Cached::new);

    private static final class Cached {
        EpisodeHistory history;
        RestlessFilter filter;
    }

    FilterPolicy(RestlessFilter prototype) {
        this.prototype = prototype;
    }

    /** The filter of {@code history}'s evidence, at its current trial. */
    final RestlessFilter filter(EpisodeHistory history) {
        var cached = cache.get();
        if (cached.history != history || cached.filter.trials() > history.trial()) {
            cached.history = history;
            cached.filter = prototype.fresh();
        }
        for (int t = cached.filter.trials(); t < history.trial(); t++) {
            cached.filter.observe(RestlessFilter.evidence(history, t));
        }
        return cached.filter;
    }

    @Override
    public boolean assumesFixedMeans() {
        return false;
    }
}
