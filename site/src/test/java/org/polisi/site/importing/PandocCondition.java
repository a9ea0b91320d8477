package org.polisi.site.importing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the tests that need pandoc only where it is installed, saying so in one line otherwise.
 * With {@code -Dpolisi.pandoc.required=true} (CI, set by .ci/run) they run regardless, and fail
 * on the missing program, as the browser tests do with {@code polisi.browser.required}.
 */
public final class PandocCondition implements ExecutionCondition {
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    static boolean required() {
        return Boolean.getBoolean("polisi.pandoc.required");
    }

    /** The machine's pandoc; in CI a missing one fails the test that asked. */
    static Pandoc pandoc() {
        return Pandoc.find().orElseThrow(() -> new IllegalStateException(
                "pandoc is required here (polisi.pandoc.required=true) but not installed: " + Pandoc.INSTALL_HINT));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Pandoc.find().isPresent() || required()) {
            return ConditionEvaluationResult.enabled("pandoc present or required");
        }
        String reason = "Import tests skipped: pandoc not found; " + Pandoc.INSTALL_HINT;
        if (TOLD.compareAndSet(false, true)) {
            System.out.println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
