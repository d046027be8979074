package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.easycrm4u.camel.waapi.webhook.internal.WebhookEventReader.RoutableEvent;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery's events are routed one after another under either completion a route may report: synchronous (the route's
 * {@code process} returns true, as a transacted Camel route does) or asynchronous (the callback comes later). The
 * outcome is handed over once: before {@code routeNext} returns when every event completed synchronously, from the
 * route's callback otherwise.
 */
class EventRoutingTest {

    private final CamelContext context = new DefaultCamelContext();
    private final MemoryIdempotentRepository repository = started(new MemoryIdempotentRepository());
    private final WebhookDeduplicator deduplicator = new WebhookDeduplicator(
            repository, "/waapi/webhook",
            Duration.ofMinutes(1));
    /** The exchanges given back to the consumer, as a pooled exchange factory needs them back. */
    private final List<Exchange> released = new ArrayList<>();
    private final DefaultConsumer consumer = new DefaultConsumer(context.getEndpoint("mock:webhook"), exchange -> {
    }) {
        @Override
        public void releaseExchange(Exchange exchange, boolean autoRelease) {
            released.add(exchange);
            super.releaseExchange(exchange, autoRelease);
        }
    };
    private final List<String> outcomes = new ArrayList<>();
    /** Whether routeNext is running on this thread: an outcome handed over then is synchronous. */
    private boolean inCall;

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private static MemoryIdempotentRepository started(MemoryIdempotentRepository repository) {
        repository.start();
        return repository;
    }

    /** A route step that completes as told: at once (synchronously) or when {@link #completeNext} is called. */
    private static final class Route extends AsyncProcessorSupport {

        private final boolean synchronous;
        private final List<String> failing;
        private final List<String> routed = new ArrayList<>();
        private final List<Runnable> pending = new ArrayList<>();

        Route(boolean synchronous, String... failing) {
            this.synchronous = synchronous;
            this.failing = List.of(failing);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            String key = exchange.getMessage().getBody(String.class);
            Runnable complete = () -> {
                if (failing.contains(key)) {
                    exchange.setException(new IllegalStateException("route failed on " + key));
                } else if (key.startsWith("rollback")) {
                    exchange.setRollbackOnly(true);
                } else {
                    routed.add(key);
                }
            };
            if (synchronous) {
                complete.run();
                callback.done(true);
                return true;
            }
            pending.add(() -> {
                complete.run();
                callback.done(false);
            });
            return false;
        }

        void completeNext() {
            pending.remove(0).run();
        }
    }

    private EventRouting delivery(Route route, String... keys) {
        List<RoutableEvent> events = new ArrayList<>();
        for (String key : keys) {
            events.add(new RoutableEvent(key, key, headers -> headers.put("key", key)));
        }
        return new EventRouting(
                consumer, route, deduplicator, events,
                (outcome, failure) -> outcomes.add(outcome + (inCall ? " sync" : " async")));
    }

    /** Routes a delivery's events; whether it finished before routeNext returned. */
    private boolean routeNext(EventRouting delivery) {
        int before = outcomes.size();
        inCall = true;
        try {
            delivery.routeNext();
        } finally {
            inCall = false;
        }
        return outcomes.size() > before;
    }

    @Test
    void aSynchronousRouteRoutesEveryEventAndFinishesSynchronously() {
        Route route = new Route(true);

        assertThat(routeNext(delivery(route, "e1", "e2", "e3"))).isTrue();

        assertThat(route.routed).containsExactly("e1", "e2", "e3");
        assertThat(outcomes).containsExactly("ROUTED sync");
    }

    @Test
    void anAsynchronousRouteRoutesTheNextEventFromTheCallbackAndFinishesAsynchronously() {
        Route route = new Route(false);

        assertThat(routeNext(delivery(route, "e1", "e2"))).isFalse();
        assertThat(route.pending).hasSize(1);
        route.completeNext();
        assertThat(outcomes).isEmpty();
        route.completeNext();

        assertThat(route.routed).containsExactly("e1", "e2");
        assertThat(outcomes).containsExactly("ROUTED async");
    }

    @Test
    void aSynchronousFailureEndsTheDeliverySynchronouslyAndReleasesItsEvent() {
        Route route = new Route(true, "e2");

        assertThat(routeNext(delivery(route, "e1", "e2", "e3"))).isTrue();

        assertThat(route.routed).containsExactly("e1");
        assertThat(outcomes).containsExactly("ROUTE_FAILED sync");
        // the retry routes the failed event and the one after it, not the one routed before
        outcomes.clear();
        Route retry = new Route(true);
        assertThat(routeNext(delivery(retry, "e1", "e2", "e3"))).isTrue();
        assertThat(retry.routed).containsExactly("e2", "e3");
        assertThat(outcomes).containsExactly("ROUTED sync");
    }

    @Test
    void anAsynchronousFailureEndsTheDeliveryAsynchronously() {
        Route route = new Route(false, "e1");

        assertThat(routeNext(delivery(route, "e1", "e2"))).isFalse();
        route.completeNext();

        assertThat(route.pending).as("e2 is not routed after e1 failed").isEmpty();
        assertThat(outcomes).containsExactly("ROUTE_FAILED async");
    }

    @Test
    void aRollbackOnlyExchangeIsAFailureInEitherCompletion() {
        Route synchronous = new Route(true);
        assertThat(routeNext(delivery(synchronous, "rollback-1"))).isTrue();
        Route asynchronous = new Route(false);
        assertThat(routeNext(delivery(asynchronous, "rollback-2"))).isFalse();
        asynchronous.completeNext();

        assertThat(outcomes).containsExactly("ROUTE_FAILED sync", "ROUTE_FAILED async");
        assertThat(deduplicator.claim("rollback-1").state()).as("released for the retry")
                .isEqualTo(WebhookDeduplicator.State.CLAIMED);
    }

    @Test
    void aDeliveryOfEventsRoutedBeforeIsADuplicateAndRoutesNothing() {
        assertThat(routeNext(delivery(new Route(true), "e1"))).isTrue();
        outcomes.clear();
        Route route = new Route(false);

        assertThat(routeNext(delivery(route, "e1"))).isTrue();

        assertThat(route.pending).isEmpty();
        assertThat(outcomes).containsExactly("DUPLICATE sync");
    }

    @Test
    void anEventRoutedElsewhereMeanwhileEndsTheDeliveryWithoutRoutingIt() {
        Route first = new Route(false);
        routeNext(delivery(first, "e1"));
        Route second = new Route(false);

        assertThat(routeNext(delivery(second, "e0", "e1"))).isFalse();
        second.completeNext();

        assertThat(second.pending).isEmpty();
        assertThat(outcomes).containsExactly("IN_FLIGHT_ELSEWHERE async");
        first.completeNext();
        assertThat(outcomes).containsExactly("IN_FLIGHT_ELSEWHERE async", "ROUTED async");
    }

    @Test
    void aRouteThatThrowsIsAFailureOfItsEvent() {
        AsyncProcessorSupport throwing = new AsyncProcessorSupport() {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                throw new IllegalStateException("broken route");
            }
        };
        EventRouting delivery = new EventRouting(
                consumer, throwing, deduplicator,
                List.of(new RoutableEvent("e1", "e1", headers -> {
                })),
                (outcome, failure) -> outcomes.add(outcome + " " + failure.getMessage() + (inCall ? " sync" : " async")));

        assertThat(routeNext(delivery)).isTrue();

        assertThat(outcomes).containsExactly("ROUTE_FAILED broken route sync");
    }

    @Test
    void aRepositoryThatFailsEndsTheDelivery() {
        MemoryIdempotentRepository failing = started(new MemoryIdempotentRepository() {
            @Override
            public boolean remove(String key) {
                throw new IllegalStateException("repository down");
            }
        });
        WebhookDeduplicator broken = new WebhookDeduplicator(failing, "/waapi/webhook", Duration.ofMinutes(1));
        Route route = new Route(false);
        EventRouting delivery = new EventRouting(
                consumer, route, broken,
                List.of(new RoutableEvent("e1", "e1", headers -> {
                }), new RoutableEvent("e2", "e2", headers -> {
                })),
                (outcome, failure) -> outcomes.add(outcome + (inCall ? " sync" : " async")));

        assertThat(routeNext(delivery)).isFalse();
        route.completeNext();

        assertThat(route.pending).as("e2 is not routed").isEmpty();
        assertThat(outcomes).containsExactly("FAILED async");
    }

    @Test
    void everyExchangeOfADeliveryIsReleasedWhateverTheOutcomeOfItsEvent() {
        routeNext(delivery(new Route(true, "failing-1"), "ok-1", "failing-1", "never-1"));
        Route asynchronous = new Route(false, "failing-2");
        routeNext(delivery(asynchronous, "ok-2", "failing-2", "never-2"));
        asynchronous.completeNext();
        asynchronous.completeNext();

        assertThat(released).extracting(exchange -> exchange.getMessage().getBody(String.class))
                .containsExactly("ok-1", "failing-1", "ok-2", "failing-2");
        assertThat(outcomes).containsExactly("ROUTE_FAILED sync", "ROUTE_FAILED async");
    }
}
