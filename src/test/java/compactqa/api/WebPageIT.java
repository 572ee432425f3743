package compactqa.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import compactqa.index.BuildListener;
import compactqa.index.IndexService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The page at {@code /} in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs): a two-hop question from the demo corpus
 * is answered with the answer card and the evidence highlighted in its paragraphs; an empty question
 * and a refused setting are explained in words; a search shows its ranked paragraphs. Skipped, saying
 * so, only where no Chromium is installed. Leaves a screenshot of the answer in
 * {@code target/screenshots/answer.png} (the README's, copied to {@code docs/}).
 */
@QuarkusTest
class WebPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String QUESTION = "What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?";

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL page;

    @Inject
    IndexService index;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium here (" + CHROMIUM + ", " + DRIVER + "): install chromium and chromium-driver to run the page's test");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,1600");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(1200, 1600));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void open() throws IOException {
        index.ensureIndex(BuildListener.NONE);
        browser.get(page.toString());
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @Test
    void aQuestionIsAnsweredWithItsEvidenceHighlightedInItsParagraphs() throws IOException {
        browser.findElement(By.id("question")).sendKeys(QUESTION);
        browser.findElement(By.id("ask-button")).click();
        WebElement card = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-card")));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ask-status"), "Answered"));
        assertFalse(browser.findElement(By.id("answer-text")).getText().isBlank(), "an answer");
        assertTrue(card.getText().contains("Confidence"), card.getText());
        List<WebElement> marks = browser.findElements(By.cssSelector("#evidence-list .paragraph mark"));
        assertFalse(marks.isEmpty(), "the kept sentences are highlighted");
        String paragraphs = browser.findElement(By.id("evidence-list")).getText();
        assertTrue(paragraphs.contains("Corliss Archer"), paragraphs);
        // the highlight sits inside its paragraph's full text, not alone
        WebElement first = browser.findElement(By.cssSelector("#evidence-list .paragraph p"));
        assertTrue(first.getText().length() > marks.get(0).getText().length(), first.getText());
        assertTrue(browser.findElement(By.id("trace-steps")).getText().contains("Step 1"), "the trace as a timeline");
        Path shot = Path.of("target/screenshots/answer.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void pastedDocumentsAreReadInsteadOfTheIndexAndTheirMarkupStaysText() {
        browser.findElement(By.id("question")).sendKeys("Which city is the capital of Freedonia?");
        browser.findElement(By.cssSelector("details summary")).click();
        browser.findElement(By.id("own-documents")).sendKeys(
                "Freedonia\nFreedonia is a small country. Its capital is Port Amble, on the coast. <img src=x onerror=alert(1)>\n\n"
                        + "Sylvania\nSylvania is a neighbouring country. It is known for its hills.");
        browser.findElement(By.id("ask-button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-card")));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ask-status"), "Answered"));
        assertTrue(browser.findElement(By.id("answer-text")).getText().contains("Port Amble"),
                browser.findElement(By.id("answer-text")).getText());
        String evidence = browser.findElement(By.id("evidence-list")).getText();
        assertTrue(evidence.contains("Freedonia"), evidence);
        // the pasted markup is shown as the text it is, never made into an element
        assertTrue(browser.findElements(By.cssSelector("#evidence-list img")).isEmpty());
        assertTrue(evidence.contains("<img src=x onerror=alert(1)>"), "the whole paragraph, markup as text: " + evidence);
    }

    @Test
    void anEmptyQuestionIsExplainedAndNothingIsSent() {
        browser.findElement(By.id("ask-button")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-error")));
        assertTrue(error.getText().contains("type a question"), error.getText());
        assertFalse(browser.findElement(By.id("answer-card")).isDisplayed());
    }

    @Test
    void aSettingTheServiceRefusesIsExplainedWithTheFieldItNames() {
        browser.findElement(By.id("question")).sendKeys("Who was Shirley Temple?");
        browser.findElement(By.cssSelector("details summary")).click();
        browser.findElement(By.id("opt-steps")).sendKeys("99");
        browser.findElement(By.id("ask-button")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-error")));
        assertTrue(error.getText().contains("not accepted") && error.getText().contains("maxSteps"), error.getText());
    }

    @Test
    void aSearchShowsRankedParagraphsWithTheTermsMarkedAndTheTextEscaped() {
        browser.findElement(By.id("tab-search")).click();
        browser.findElement(By.id("query")).sendKeys("Shirley Temple");
        browser.findElement(By.cssSelector("#search-form button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li")));
        List<WebElement> hits = browser.findElements(By.cssSelector("#search-results li"));
        assertFalse(hits.isEmpty());
        assertTrue(hits.get(0).getText().contains("Shirley Temple"), hits.get(0).getText());
        assertFalse(browser.findElements(By.cssSelector("#search-results li b")).isEmpty(), "query terms marked");
    }
}
