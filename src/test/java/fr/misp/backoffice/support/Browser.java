package fr.misp.backoffice.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) driving Tasklist. Where no browser
 * is installed the test is skipped with a message, unless MISP_BROWSER_TESTS=required (as .ci/run
 * sets it), where it fails.
 */
public final class Browser implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
  }

  public static Browser open(int port) {
    return open(port, "Europe/Paris"); // the zone of most of the back office's workstations
  }

  /** A browser on a computer set to another time zone (an agency overseas: "Pacific/Noumea"). */
  public static Browser open(int port, String timeZone) {
    boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
    if (!installed) {
      if ("required".equals(System.getenv("MISP_BROWSER_TESTS"))) {
        throw new IllegalStateException("MISP_BROWSER_TESTS=required but /usr/bin/chromium or /usr/bin/chromedriver is missing");
      }
      Assumptions.abort("No browser here (apt-get install chromium chromium-driver): Tasklist browser test skipped");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory(Path.of("target"), "chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
        "--disable-features=AutofillServerCommunication,PasswordLeakDetection,OptimizationHints,Translate,MediaRouter",
        "--disable-domain-reliability", "--no-pings");
    String home = profile.toAbsolutePath().toString();
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
        .withEnvironment(Map.of("HOME", home, "XDG_CONFIG_HOME", home, "XDG_CACHE_HOME", home,
            "TZ", timeZone)).build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
  }

  /** The sign-in page of a webapp, as a person sees it before signing in. */
  public String loginPage(String app) {
    driver.get(base + "/camunda/app/" + app + "/default/");
    visible(By.cssSelector("input[ng-model='username']"));
    pause();
    return text();
  }

  /** The elements a person can see among those matching a CSS selector. */
  public List<WebElement> displayed(String css) {
    return driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
  }

  public void loginToTasklist(String user, String password) {
    login("tasklist", user, password);
  }

  /** Signs in to a webapp (tasklist, cockpit, admin) through its own login page. */
  public void login(String app, String user, String password) {
    driver.get(base + "/camunda/app/" + app + "/default/");
    // The sign-in page may be drawn again while it loads: type until both fields hold exactly what was typed.
    until(d -> {
      WebElement name = visible(By.cssSelector("input[ng-model='username']"));
      WebElement secret = d.findElement(By.cssSelector("input[ng-model='password']"));
      name.clear();
      name.sendKeys(user);
      secret.clear();
      secret.sendKeys(password);
      pause();
      WebElement nameNow = d.findElement(By.cssSelector("input[ng-model='username']"));
      WebElement secretNow = d.findElement(By.cssSelector("input[ng-model='password']"));
      return user.equals(nameNow.getAttribute("value")) && password.equals(secretNow.getAttribute("value")) ? true : null;
    });
    driver.findElement(By.cssSelector("form button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  /** Opens a page of a webapp by its route ("#/processes"), and waits for it to settle. */
  public void open(String app, String route) {
    driver.get(base + "/camunda/app/" + app + "/default/" + route);
    pause();
    pause();
  }

  public void openTask(String taskId) {
    driver.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
  }

  /** Claims the open group task when it offers a claim button. */
  public void claim() {
    visible(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  public WebElement field(String componentId) {
    visible(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form .fjs-form-field"));
    WebElement field = visible(By.cssSelector("[cam-tasklist-form-camunda] [id$='-" + componentId + "']"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
    return field;
  }

  /** Scrolls an element to the middle of the page (Tasklist's footer covers the bottom) and clicks it. */
  public void click(WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /** Clicks the option of a radio group or checkbox by its visible label. */
  public void choose(String label) {
    visible(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form .fjs-form-field"));
    click(visible(By.xpath("//*[@cam-tasklist-form-camunda]//*[normalize-space(text())=\"" + label + "\"]")));
  }

  /** Replaces the value of a form field (clear() does not reach form-js's state). */
  public void type(String componentId, String text) {
    // Tasklist may render the form again (after a claim) and fill a field's initial value late:
    // clear and type again until the field holds exactly the text.
    until(driver -> {
      WebElement input = field(componentId);
      input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
      if (!input.getAttribute("value").isEmpty()) {
        return false;
      }
      input.sendKeys(text, org.openqa.selenium.Keys.TAB);
      return text.equals(field(componentId).getAttribute("value"));
    });
  }

  public void complete() {
    pause(); // form-js debounces typed input (about 300 ms) before its state holds the new value
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".form-actions button[ng-click='complete()']"))).click();
  }

  /**
   * "Terminer" scrolled to the middle of the page first, as a person scrolls to it at the end of a long form
   * (where it stands, Tasklist's footer may cover it).
   */
  public void completeInView() {
    WebElement button = visible(By.cssSelector(".form-actions button[ng-click='complete()']"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    complete();
  }


  /** Runs a script in the page and returns its result (localStorage checks). */
  public Object script(String javascript) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript);
  }

  /**
   * Calls a path of the app from the page, with the page's session and its anti-forgery token, as its
   * scripts would: "status body".
   */
  public String fetch(String path) {
    return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '';
        const token = decodeURIComponent(cookie.substring('XSRF-TOKEN='.length));
        fetch(arguments[0], {headers: {Accept: 'application/json', 'X-XSRF-TOKEN': token}})
          .then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done('error ' + e));""", path);
  }

  public List<WebElement> errors() {
    return driver.findElements(By.cssSelector(".notifications .alert-danger"));
  }

  /** The driver itself, for what these helpers do not cover (frames, file inputs). */
  public WebDriver driver() {
    return driver;
  }

  public <T> T until(Function<WebDriver, T> condition) {
    return wait.until(condition::apply);
  }

  private static void pause() {
    try {
      Thread.sleep(700);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Saves what the browser shows, for a person to look at when a test fails. */
  public Path screenshot(String name) {
    try {
      Path file = Path.of("target", name + ".png");
      Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
