package io.leakwatch.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Method;

/**
 * Runs a {@link LeakTest} method as a leak test: JUnit's own invocation of the method is skipped, and the method is
 * invoked once per iteration by {@link LeakTestRun}, with the same instance and arguments.
 */
final class LeakTestExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
                                    ExtensionContext extensionContext) throws Throwable {
        Method method = context.getExecutable();
        LeakTest settings = AnnotationSupport.findAnnotation(method, LeakTest.class).orElseThrow(() ->
                new IllegalStateException(method + " is not annotated @LeakTest"));
        Object target = context.getTarget().orElse(null);
        Object[] arguments = context.getArguments().toArray();
        LeakTestRun run;
        try {
            run = new LeakTestRun(settings.warmUp(), settings.iterations());
        } finally {
            invocation.skip();
        }
        Leak leak = run.run(() -> ReflectionSupport.invokeMethod(method, target, arguments)).orElse(null);
        if (leak != null) {
            throw new LeakAssertionError(leak);
        }
    }
}
