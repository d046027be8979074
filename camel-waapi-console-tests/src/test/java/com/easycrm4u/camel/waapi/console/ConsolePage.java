package com.easycrm4u.camel.waapi.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console as a user sees it, through the data-testid hooks documented at the top of console.js. */
final class ConsolePage {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final WebDriverWait wait;
    /** The notice's data-seq before the last action. */
    private int noticesSeen;

    ConsolePage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    static By testid(String testid) {
        return By.cssSelector("[data-testid='" + testid + "']");
    }

    static By message(String messageId) {
        return By.cssSelector("[data-testid='message'][data-message-id='" + messageId + "']");
    }

    ConsolePage open(String url) {
        driver.get(url);
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-version") != null);
        return this;
    }

    /** Waits until the page receives its updates by server-sent events (not by polling). */
    ConsolePage awaitLive() {
        wait.until(ExpectedConditions.attributeToBe(testid("connection"), "data-mode", "live"));
        return this;
    }

    ConsolePage showConversation(String customer) {
        By item = By.cssSelector("[data-testid='conversation'][data-customer='" + customer + "']");
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.until(ExpectedConditions.attributeToBe(item, "aria-current", "true"));
        return this;
    }

    WebElement awaitClickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Clicks the element once it is clickable, finding it again when a state update rebuilt its part of the page. */
    void click(By by) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    WebElement awaitMessage(String messageId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(message(messageId)));
    }

    WebElement awaitStatus(String messageId, String status) {
        wait.until(ExpectedConditions.attributeToBe(message(messageId), "data-status", status));
        return driver.findElement(message(messageId));
    }

    /** The customer's message with this text, once it is shown (it has no id before the sandbox gives one). */
    WebElement awaitInboundText(String text) {
        By inbound = By.cssSelector("[data-testid='message'][data-direction='in']");
        return wait.until(d -> d.findElements(inbound).stream()
                .filter(m -> m.findElements(testid("message-text")).stream().anyMatch(t -> t.getText().equals(text)))
                .findFirst()
                .orElse(null));
    }

    void reply(String text) {
        beforeAction();
        WebElement input = driver.findElement(testid("reply-input"));
        input.sendKeys(text);
        driver.findElement(testid("reply-send")).click();
        awaitNotice("ok");
    }

    /** Opens the form's {@code <details>}, fills its fields (data-testid to text) and submits it. */
    void submit(String summary, String submitTestid, String... fieldsAndValues) {
        WebElement details = driver.findElement(By.xpath("//details[summary[normalize-space()='" + summary + "']]"));
        if (details.getDomAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            WebElement field = details.findElement(testid(fieldsAndValues[i]));
            if ("select".equals(field.getTagName())) {
                new Select(field).selectByValue(fieldsAndValues[i + 1]);
            } else {
                field.clear();
                field.sendKeys(fieldsAndValues[i + 1]);
            }
        }
        beforeAction();
        details.findElement(testid(submitTestid)).click();
    }

    void markRead(String messageId) {
        WebElement message = openActions(messageId);
        beforeAction();
        message.findElement(testid("mark-read")).click();
    }

    void fail(String messageId, String code) {
        WebElement message = openActions(messageId);
        new Select(message.findElement(testid("fail-code"))).selectByValue(code);
        beforeAction();
        message.findElement(testid("fail-send")).click();
    }

    void failWithOtherCode(String messageId, String code) {
        WebElement message = openActions(messageId);
        message.findElement(testid("fail-code-other")).sendKeys(code);
        beforeAction();
        message.findElement(testid("fail-send")).click();
    }

    private WebElement openActions(String messageId) {
        WebElement message = awaitMessage(messageId);
        WebElement actions = message.findElement(testid("message-actions"));
        if (actions.getDomAttribute("open") == null) {
            actions.findElement(By.tagName("summary")).click();
        }
        return message;
    }

    /** Remembers which notice is the last one before an action, so that {@link #awaitNotice} waits for the next. */
    void beforeAction() {
        noticesSeen = noticeSeq();
    }

    private int noticeSeq() {
        String seq = driver.findElement(testid("notice")).getDomAttribute("data-seq");
        return seq == null ? 0 : Integer.parseInt(seq);
    }

    /** The text of the notice that answered the last action, which must be of this kind (ok or error). */
    String awaitNotice(String kind) {
        wait.until(d -> noticeSeq() > noticesSeen);
        WebElement notice = driver.findElement(testid("notice"));
        String text = notice.getText();
        if (!kind.equals(notice.getDomAttribute("data-kind"))) {
            throw new AssertionError("expected an " + kind + " notice after the action, got: " + text);
        }
        return text;
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    Path screenshot(Path file, int width, int height) throws IOException {
        driver.manage().window().setSize(new Dimension(width, height));
        script("window.scrollTo(0, 0)");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, png);
    }
}
