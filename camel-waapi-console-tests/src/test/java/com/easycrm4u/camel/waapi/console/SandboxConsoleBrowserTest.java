package com.easycrm4u.camel.waapi.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandboxExtension;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessage;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatus;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.WebhookError;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static com.easycrm4u.camel.waapi.console.ConsolePage.testid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox console in a real browser, next to a Camel route that sends with waapi: producers and receives with
 * waapi:webhook: what the route sends shows in the console, and what the test does in the console as the customer or
 * the platform reaches the route as WAAPI's signed webhooks.
 */
class SandboxConsoleBrowserTest extends CamelTestSupport {

    private static final String CUSTOMER = "+917890000198";
    private static final String CUSTOMER_DIGITS = "917890000198";

    private static InstalledChromium chromium;

    // the sandbox stops at delivered, so the test moves a message to read (or failed) in the console
    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension(WaapiSandbox.builder().readReceipts(false))
            .withWebhooks()
            .withConsole();

    /** What the route's waapi:webhook received, in order: the bodies, and each event's type. */
    private final Queue<Object> received = new ConcurrentLinkedQueue<>();
    private final Queue<String> eventTypes = new ConcurrentLinkedQueue<>();

    private ConsolePage console;

    @BeforeAll
    static void startChromium() throws Exception {
        chromium = InstalledChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orderShipped")
                        .setHeader(WaapiConstants.TO, header("customerPhone"))
                        .to("waapi:cloud/template?templateName=order_shipped&language=en");
                from("direct:text")
                        .setHeader(WaapiConstants.TO, header("customerPhone"))
                        .to("waapi:cloud/text");
                from("direct:photo")
                        .setHeader(WaapiConstants.TO, header("customerPhone"))
                        .setHeader(WaapiConstants.CAPTION, constant("Your parcel at the depot"))
                        .to("waapi:cloud/image");
                from("direct:buttons")
                        .setHeader(WaapiConstants.TO, header("customerPhone"))
                        .to("waapi:cloud/send?messageType=buttons");
                from("direct:qrText")
                        .setHeader(WaapiConstants.TO, header("customerPhone"))
                        .to("waapi:qr/text?sessionId=" + WaapiSandbox.DEFAULT_QR_SESSION_ID);
                from("waapi:webhook").routeId("webhooks")
                        .process(exchange -> {
                            received.add(exchange.getMessage().getBody());
                            eventTypes.add(exchange.getMessage().getHeader(WaapiConstants.EVENT_TYPE, String.class));
                        });
            }
        };
    }

    private ConsolePage console() {
        if (console == null) {
            console = new ConsolePage(chromium.driver()).open(waapi.getSandbox().getConsoleUrl());
        }
        return console;
    }

    private String sendOrderShipped(String customer) {
        return template.requestBodyAndHeader("direct:orderShipped", List.of("Sayantan", "AWB-12345"), "customerPhone",
                customer, SendResult.class).getMessageId();
    }

    /** An order_shipped template, once the console shows it delivered (the sandbox goes no further by itself). */
    private String aTemplateShownDelivered() {
        String id = sendOrderShipped(CUSTOMER);
        console().awaitStatus(id, "delivered");
        return id;
    }

    private List<MessageStatus> statusesReceived(String messageId) {
        return received.stream()
                .filter(MessageStatusEvent.class::isInstance)
                .map(e -> ((MessageStatusEvent) e).getStatus())
                .filter(s -> messageId.equals(s.getId()))
                .toList();
    }

    /** The one message the route received from the customer, once it is there. */
    private InboundMessage theCustomersMessage() {
        List<InboundMessage> inbound = await().until(() -> received.stream()
                .filter(InboundMessageEvent.class::isInstance)
                .map(e -> ((InboundMessageEvent) e).getMessage())
                .toList(), messages -> !messages.isEmpty());
        assertThat(inbound).hasSize(1);
        assertThat(inbound.get(0).getFrom()).isEqualTo(CUSTOMER_DIGITS);
        return inbound.get(0);
    }

    @Test
    void aTemplateIsShownWithItsParametersAndItsStatusMovesToReadWhenTheCustomerReadsIt() {
        String id = sendOrderShipped(CUSTOMER);
        ConsolePage page = console().awaitLive();

        WebElement message = page.awaitMessage(id);
        assertThat(message.getDomAttribute("data-direction")).isEqualTo("out");
        assertThat(message.getDomAttribute("data-kind")).isEqualTo("template");
        assertThat(message.findElement(testid("template-name")).getText()).isEqualTo("order_shipped \u00b7 en");
        assertThat(message.findElement(testid("template-header")).getText()).isEqualTo("Your order has shipped");
        assertThat(message.findElement(testid("template-body")).getText())
                .isEqualTo("Hi Sayantan, your order is on its way. Tracking number: AWB-12345.");
        assertThat(message.findElements(testid("template-button"))).extracting(WebElement::getText)
                .containsExactly("Track my order", "Talk to us");

        // no page reload: the statuses arrive by server-sent events
        page.awaitStatus(id, "delivered");
        page.markRead(id);
        WebElement read = page.awaitStatus(id, "read");
        assertThat(read.findElement(testid("message-status")).getText()).contains("read");

        await().untilAsserted(() -> assertThat(statusesReceived(id)).extracting(MessageStatus::getStatus)
                .containsExactly("sent", "delivered", "read"));
    }

    @Test
    void aReplyTypedAsTheCustomerReachesTheRouteAsAnInboundTextFromTheCustomer() {
        String id = sendOrderShipped(CUSTOMER);
        ConsolePage page = console();
        page.awaitMessage(id);
        page.showConversation(CUSTOMER);

        page.reply("Where is my parcel?");

        InboundMessage inbound = theCustomersMessage();
        assertThat(inbound.getType()).isEqualTo("text");
        assertThat(inbound.getText().getBody()).isEqualTo("Where is my parcel?");
        assertThat(page.awaitInboundText("Where is my parcel?").getDomAttribute("data-direction")).isEqualTo("in");
    }

    @Test
    void withoutServerSentEventsThePagePollsAndStillUpdatesItself() {
        // a browser without EventSource, from the first script of every page on
        Map<String, Object> added = chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "delete window.EventSource;"));
        try {
            ConsolePage page = console();
            assertThat(page.findAll(testid("connection")).get(0).getDomAttribute("data-mode")).isEqualTo("polling");

            String id = sendOrderShipped(CUSTOMER);
            page.awaitStatus(id, "delivered");
            assertThat(page.findAll(testid("connection")).get(0).getDomAttribute("data-mode")).isEqualTo("polling");
        } finally {
            chromium.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", added.get("identifier")));
        }
    }

    @Test
    void theKeyboardAloneOpensAConversationAndSendsAReply() {
        String id = sendOrderShipped(CUSTOMER);
        ConsolePage page = console();
        // delivered is its last status here (no read receipts): no update rebuilds the list while the keys are pressed
        page.awaitStatus(id, "delivered");

        WebElement conversation = page.awaitClickable(
                By.cssSelector("[data-testid='conversation'][data-customer='" + CUSTOMER + "']"));
        conversation.sendKeys(Keys.TAB, Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(page.script("return document.activeElement.dataset.customer")).isEqualTo(CUSTOMER);
        assertThat(page.script("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        conversation.sendKeys(Keys.ENTER);
        assertThat(page.script("return document.activeElement.id")).isEqualTo("chat");

        page.beforeAction();
        page.findAll(testid("reply-input")).get(0).sendKeys("Sent with Enter", Keys.ENTER);
        page.awaitNotice("ok");

        assertThat(theCustomersMessage().getText().getBody()).isEqualTo("Sent with Enter");
        assertThat(page.findAll(testid("reply-input")).get(0).getDomProperty("value")).isEmpty();
    }

    @Test
    void aTemplatesQuickReplyPressedInTheConsoleReachesTheRouteAsAButtonReply() {
        String id = sendOrderShipped(CUSTOMER);
        ConsolePage page = console();
        WebElement message = page.awaitMessage(id);

        page.beforeAction();
        message.findElement(By.cssSelector("button[data-testid='template-button'][data-button-index='1']")).click();
        page.awaitNotice("ok");

        InboundMessage inbound = theCustomersMessage();
        assertThat(inbound.getType()).isEqualTo("button");
        assertThat(inbound.getButton().getText()).isEqualTo("Talk to us");
        assertThat(inbound.getContext().getId()).isEqualTo(id);
    }

    @Test
    void mediaAndALocationSentAsTheCustomerReachTheRoute() {
        String id = sendOrderShipped(CUSTOMER);
        ConsolePage page = console();
        page.awaitMessage(id);

        page.submit("Send a location", "location-form-send", "location-form-latitude", "22.5535", "location-form-longitude",
                "88.3529", "location-form-name", "Park Street depot", "location-form-address", "Park Street, Kolkata");
        page.awaitNotice("ok");
        InboundMessage location = theCustomersMessage();
        assertThat(location.getType()).isEqualTo("location");
        assertThat(location.getLocation().getLatitude()).isEqualTo(22.5535);
        assertThat(location.getLocation().getLongitude()).isEqualTo(88.3529);
        assertThat(location.getLocation().getName()).isEqualTo("Park Street depot");
        assertThat(location.getLocation().getAddress()).isEqualTo("Park Street, Kolkata");
        received.clear();

        page.submit("Send media", "media-form-send", "media-form-type", "image", "media-form-link",
                "https://example.com/parcel.png", "media-form-caption", "The parcel, torn");
        page.awaitNotice("ok");
        InboundMessage image = theCustomersMessage();
        assertThat(image.getType()).isEqualTo("image");
        assertThat(image.getImage().getCaption()).isEqualTo("The parcel, torn");
        assertThat(image.getImage().getMimeType()).isEqualTo("image/png");

        WebElement shown = page.awaitMessage(image.getId());
        assertThat(shown.findElement(testid("media-type")).getText()).isEqualTo("image");
        assertThat(shown.findElement(testid("media-link")).getText()).isEqualTo("https://example.com/parcel.png");
        assertThat(page.awaitMessage(location.getId()).findElement(testid("location-name")).getText())
                .isEqualTo("Park Street depot");
    }

    @Test
    void sendTestEventDeliversTheKeysTestEventToTheRoute() {
        ConsolePage page = console();
        By button = By.cssSelector(
                "[data-testid='test-event'][data-api-key='" + WaapiSandbox.DEFAULT_API_KEY_NAME + "']");

        page.beforeAction();
        page.click(button);
        page.awaitNotice("ok");

        await().untilAsserted(() -> assertThat(eventTypes).containsExactly("test"));
    }

    @Test
    void aMessageMadeToFailWith131026ReachesTheRouteAsAFailedStatusWithThatCode() {
        String id = aTemplateShownDelivered();
        ConsolePage page = console();

        page.fail(id, "131026");

        WebElement failed = page.awaitStatus(id, "failed");
        assertThat(failed.getDomAttribute("data-error-code")).isEqualTo("131026");
        assertThat(failed.findElement(testid("message-error")).getText())
                .isEqualTo("Failed with 131026: Message undeliverable");
        await().untilAsserted(() -> assertThat(statusesReceived(id)).last()
                .satisfies(s -> {
                    assertThat(s.getStatus()).isEqualTo("failed");
                    assertThat(s.getErrors()).extracting(WebhookError::getCode).containsExactly(131026);
                }));
    }

    @Test
    void theSandboxsRefusalOfAnActionIsShownWithItsReason() {
        String id = aTemplateShownDelivered();
        ConsolePage page = console();

        page.failWithOtherCode(id, "4242");

        assertThat(page.awaitNotice("error")).contains("4242");
        assertThat(page.awaitStatus(id, "delivered").getDomAttribute("data-error-code")).isNull();
    }

    @Test
    void htmlInAMessageIsShownAsTextAndNeverRun() {
        String hostile = "<script>window.waapiXss = 'script'</script><img src=x onerror=\"window.waapiXss = 'img'\">"
                         + "<b>bold</b> & <i>more</i>";
        // the customer writes first (it opens the window), then the route answers with the same text
        waapi.getSandbox().injectText(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, hostile);
        String id = template.requestBodyAndHeader("direct:text", hostile, "customerPhone", CUSTOMER, SendResult.class)
                .getMessageId();
        ConsolePage page = console();

        WebElement sent = page.awaitMessage(id);
        WebElement inbound = page.awaitInboundText(hostile);

        assertThat(sent.findElement(testid("message-text")).getText()).isEqualTo(hostile);
        assertThat(inbound.findElement(testid("message-text")).getText()).isEqualTo(hostile);
        assertThat(page.findAll(By.cssSelector("[data-testid='messages'] :is(script, img, b, i)"))).isEmpty();
        assertThat(page.findAll(By.cssSelector("[data-testid='conversation-list'] :is(script, img, b, i)"))).isEmpty();
        assertThat(page.script("return window.waapiXss === undefined")).isEqualTo(true);
    }

    @Test
    void anInteractiveMessageShowsTheChoicesItOffers() {
        WaapiSandbox sandbox = waapi.getSandbox();
        sandbox.injectText(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, "Can I pick it up?");
        template.sendBodyAndHeader("direct:buttons", Map.of("type", "buttons", "payload", Map.of(
                "body", "Where do you want it?",
                "buttons", List.of(Map.of("id", "depot", "title", "At the depot"), Map.of("id", "home", "title", "At home")))),
                "customerPhone", CUSTOMER);
        String id = sandbox.getSentMessages().get(0).getMessageId();

        WebElement message = console().awaitMessage(id);

        assertThat(message.getDomAttribute("data-kind")).isEqualTo("interactive");
        assertThat(message.findElement(testid("message-text")).getText()).isEqualTo("Where do you want it?");
        assertThat(message.findElements(By.cssSelector("[data-testid='interactive-choices'] li")))
                .extracting(WebElement::getText).containsExactly("At the depot", "At home");
    }

    /** The console as docs/sandbox.md shows it: a copy of this run's target/sandbox-console.png is docs/images. */
    @Test
    void aScreenshotOfTheConsoleForTheDocs() throws Exception {
        WaapiSandbox sandbox = waapi.getSandbox();
        String shipped = sendOrderShipped(CUSTOMER);
        sandbox.awaitStatus("delivered", shipped);
        sandbox.markRead(shipped);
        sandbox.injectText(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, "Thanks! Can I pick it up at the depot?");
        String answer = template.requestBodyAndHeader("direct:text", "Yes: Park Street depot, 10:00 to 18:00.",
                "customerPhone", CUSTOMER, SendResult.class).getMessageId();
        String photo = template.requestBodyAndHeader("direct:photo", "https://example.com/depot/parcel.jpg",
                "customerPhone", CUSTOMER, SendResult.class).getMessageId();
        sandbox.injectLocation(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, 22.5535, 88.3529, "Park Street depot",
                "Park Street, Kolkata");
        String qr = template.requestBodyAndHeader("direct:qrText", "See you there!", "customerPhone", CUSTOMER,
                SendResult.class).getMessageId();
        String other = sendOrderShipped("+917890000111");
        sandbox.awaitStatus("delivered", other);
        sandbox.failMessage(other, 131026);

        sandbox.faults().latency(Duration.ofMillis(200));

        ConsolePage page = console().awaitLive();
        page.showConversation(CUSTOMER);
        assertThat(page.findAll(By.cssSelector("[data-testid='fault'][data-fault='latency']"))).hasSize(1);
        page.awaitStatus(shipped, "read");
        page.awaitStatus(answer, "delivered");
        assertThat(page.awaitMessage(qr).findElements(testid("qr-badge"))).hasSize(1);
        WebElement image = page.awaitMessage(photo);
        assertThat(image.findElement(testid("media-type")).getText()).isEqualTo("image");
        assertThat(image.findElement(testid("media-caption")).getText()).isEqualTo("Your parcel at the depot");
        assertThat(image.findElement(testid("media-link")).getDomAttribute("href"))
                .isEqualTo("https://example.com/depot/parcel.jpg");
        assertThat(page.findAll(By.cssSelector("[data-testid='message'] [data-testid='location']"))).hasSize(1);
        await().until(() -> page.findAll(By.cssSelector("[data-testid='delivery']")).size() >= 6);

        Path shot = page.screenshot(Path.of(System.getProperty("browser-tests.screenshot", "target/sandbox-console.png")),
                1400, 1300);
        byte[] png = Files.readAllBytes(shot);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
