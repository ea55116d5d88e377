package com.douyin.common.dubbo;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.dubbo.common.timer.HashedWheelTimer;
import org.apache.dubbo.common.timer.Timer;
import org.apache.dubbo.common.utils.NamedThreadFactory;
import org.apache.dubbo.remoting.exchange.support.DefaultFuture;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.apache.dubbo.rpc.model.ScopeModelInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dubbo fails a call that outlives its timeout from a timer that ticks every 30 ms, calls or no
 * calls ({@code DefaultFuture}): 33 wake-ups a second in every service that calls another, the
 * largest steady share of an idle stack's CPU (a thread's wake-up costs about 0.1 ms of CPU on
 * these machines). Before the first call (as Dubbo's framework model starts) this puts in its place
 * the same timer ticking every {@value #TICK_MS} ms: a call that times out is failed up to that much
 * later, against timeouts of seconds. Dubbo has no setting for it; should an upgrade change the
 * field, Dubbo keeps its own timer and a warning says so ({@code CoarseCallTimeoutsTest} fails).
 */
public class CoarseCallTimeouts implements ScopeModelInitializer {

    static final long TICK_MS = 100;
    private static final Logger log = LoggerFactory.getLogger(CoarseCallTimeouts.class);

    @Override
    public void initializeFrameworkModel(FrameworkModel frameworkModel) {
        install();
    }

    /** True if the call timeouts run on the coarse timer (now or from an earlier call). */
    static synchronized boolean install() {
        try {
            AtomicReference<Timer> current = dubboTimerReference();
            if (current.get() instanceof CoarseTimer) {
                return true;
            }
            Timer coarse = new CoarseTimer();
            if (current.compareAndSet(null, coarse)) {
                return true;
            }
            coarse.stop(); // Dubbo made its timer already (a call was made): it stays
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Dubbo's call timeouts keep their 30 ms timer: {}", e.toString());
            return false;
        }
    }

    /** The holder Dubbo fills with its timer on the first call (DefaultFuture.TIME_OUT_TIMER, a CallableSafeInitializer). */
    @SuppressWarnings("unchecked")
    static AtomicReference<Timer> dubboTimerReference() throws ReflectiveOperationException {
        Field holderField = DefaultFuture.class.getDeclaredField("TIME_OUT_TIMER");
        holderField.setAccessible(true);
        Object holder = holderField.get(null);
        Field referenceField = holder.getClass().getSuperclass().getDeclaredField("reference");
        referenceField.setAccessible(true);
        return (AtomicReference<Timer>) referenceField.get(holder);
    }

    /** Dubbo's own timer class and thread name; only the tick differs. */
    static final class CoarseTimer extends HashedWheelTimer {
        CoarseTimer() {
            super(new NamedThreadFactory("dubbo-future-timeout", true), TICK_MS, TimeUnit.MILLISECONDS);
        }
    }
}
