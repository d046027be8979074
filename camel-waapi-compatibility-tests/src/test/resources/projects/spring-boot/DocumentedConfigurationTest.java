package com.example.shipping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

// the application with application.properties as documented, its secrets from the environment
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentedConfigurationTest {

    @Test
    void startsWithoutSecurityWarning(CapturedOutput output) {
        assertThat(output.getAll()).contains("Started delivery-statuses (waapi://webhook)").doesNotContain("SECURITY WARNING");
    }
}
