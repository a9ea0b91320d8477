package org.polisi.browser;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only where Chromium and ChromeDriver are installed; says so once per run
 * otherwise. With {@code -Dpolisi.browser.required=true} (CI) the tests run regardless, and fail on
 * the missing browser.
 */
public final class ChromiumCondition implements ExecutionCondition {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Chromium.installed() || Chromium.required()) {
            return ConditionEvaluationResult.enabled("Chromium at " + Chromium.BROWSER);
        }
        String reason = "Browser tests skipped: Chromium not found at " + Chromium.BROWSER + " / " + Chromium.DRIVER
                + "; install it with: " + Chromium.INSTALL_HINT;
        if (TOLD.compareAndSet(false, true)) {
            System.out.println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
