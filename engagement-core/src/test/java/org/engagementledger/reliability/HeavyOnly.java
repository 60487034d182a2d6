package org.engagementledger.reliability;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a jqwik property unless heavy mode is on ({@code -Dreliability.heavy=true} or
 * {@code RELIABILITY_HEAVY=true}); use with {@code @AddLifecycleHook(HeavyOnly.class)}.
 */
public class HeavyOnly implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return Reliability.HEAVY ? SkipResult.doNotSkip()
                : SkipResult.skip("heavy variant: run with -Dreliability.heavy=true (or RELIABILITY_HEAVY=true)");
    }
}
