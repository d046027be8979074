package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/sandbox.md and the error section of docs/waapi-component.md say what the sandbox and component do. */
class SandboxDocsTest {

    private static final Path SANDBOX_PAGE = Path.of("..", "docs", "sandbox.md");
    private static final Path COMPONENT_PAGE = Path.of("..", "docs", "waapi-component.md");

    @Test
    void everyMavenPropertyThePageUsesIsDefinedThere() throws IOException {
        String page = read(SANDBOX_PAGE);
        StringBuilder xml = new StringBuilder();
        Matcher block = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(page);
        while (block.find()) {
            xml.append(block.group(1));
        }
        Matcher used = Pattern.compile("\\$\\{([\\w.-]+)}").matcher(xml);
        Set<String> undefined = new TreeSet<>();
        while (used.find()) {
            if (!page.contains("<" + used.group(1) + ">")) {
                undefined.add(used.group(1));
            }
        }
        assertThat(undefined).as("Maven properties used but not defined in docs/sandbox.md").isEmpty();
    }

    @Test
    void everySandboxAndExtensionCallInThePageExists() throws IOException {
        String page = read(SANDBOX_PAGE);
        assertThat(missing(page, "(?:sandbox|getSandbox\\(\\))\\.(\\w+)\\(", WaapiSandbox.class)).isEmpty();
        assertThat(missing(page, "\\bwaapi\\.(\\w+)\\(", WaapiSandboxExtension.class)).isEmpty();
        assertThat(missing(page, "\\bwebhooks\\.(\\w+)\\(", WebhookCallback.class)).isEmpty();
        assertThat(missing(page, "faults\\(\\)\\.(\\w+)\\(", SandboxFaults.class)).isEmpty();
    }

    @Test
    void readReceiptsAreSaidToBeTheDefault() throws IOException {
        String page = read(SANDBOX_PAGE);
        assertThat(page).doesNotContain("only comes with `readReceipts(true)`")
                .contains("readReceipts(false)").contains("default true");
    }

    @Test
    void thePageSaysWhatIsTakenFromTheReferenceAndWhatIsAssumed() throws IOException {
        String whole = read(SANDBOX_PAGE);
        assertThat(whole).contains("| topic | the reference | the sandbox | |");
        String page = whole.substring(whole.indexOf("| topic | the reference | the sandbox | |"));
        for (String assumed : new String[] {
                "| `fromPhoneNo` not bound to the key |", "| missing permission |",
                "| wrong number of template parameters |", "| email of a contact |",
                "| `buttons`, `list`, `cta` payloads |", "| 429 answer |", "| \"Send test event\" button |",
                "| QR session events |" }) {
            assertThat(row(page, assumed)).as(assumed).contains("assumed");
        }
        for (String taken : new String[] {
                "| missing template |", "| recipient without WhatsApp |", "| media `link` |",
                "| quotas |", "| QR sessions list |" }) {
            assertThat(row(page, taken)).as(taken).contains("taken");
        }
    }

    @Test
    void theComponentPageSaysHowToCatchAMissingTemplateWhicheverStatusCarriesIt() throws IOException {
        String page = read(COMPONENT_PAGE);
        assertThat(row(page, "| `WaapiNotFoundException` |")).doesNotContain("template absent");
        assertThat(page).contains("Integer.valueOf(132001).equals(e.getMetaErrorCode()) || e instanceof WaapiNotFoundException")
                .contains("missingTemplateStatus(404)");
    }

    private static Set<String> missing(String page, String call, Class<?> type) {
        Set<String> methods = Arrays.stream(type.getMethods()).map(Method::getName).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        Matcher m = Pattern.compile(call).matcher(page);
        while (m.find()) {
            if (!methods.contains(m.group(1))) {
                missing.add(type.getSimpleName() + "." + m.group(1));
            }
        }
        return missing;
    }

    private static String row(String page, String start) {
        int at = page.indexOf(start);
        assertThat(at).as("a table row starting with " + start).isNotNegative();
        return page.substring(at, page.indexOf('\n', at));
    }

    private static String read(Path page) throws IOException {
        return Files.readString(page, StandardCharsets.UTF_8);
    }
}
