package org.engagementledger.storage;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.caching.NoCache;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A strong, size-bounded aggregate cache: Caffeine behind Axon's {@link JCacheAdapter}. Unlike
 * Axon's {@code WeakReferenceCache}, entries survive garbage collections, so a loaded engagement is not
 * re-read from the store after every GC (which triples tail latency).
 */
public final class AggregateCaches {

    private static final String PROVIDER = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

    private AggregateCaches() {
    }

    /** A cache holding at most {@code maximumSize} aggregates by reference, or {@link NoCache} for 0. */
    public static Cache sized(int maximumSize) {
        if (maximumSize == 0) {
            return NoCache.INSTANCE;
        }
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(maximumSize));
        configuration.setStoreByValue(false);
        CacheManager manager = Caching.getCachingProvider(PROVIDER, AggregateCaches.class.getClassLoader()).getCacheManager();
        return new JCacheAdapter(manager.createCache("engagement-ledger-aggregates-" + UUID.randomUUID(), configuration));
    }
}
