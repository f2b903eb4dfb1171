package io.leakwatch.examples;

import org.slf4j.LoggerFactory;

/**
 * {@link AgentLeakProgram} in an application that logs through SLF4J (1.7 or 2.x, whichever is on its class path):
 * it logs one line of its own first, which must come out through its own binding.
 */
public final class Slf4jAgentLeakProgram {
    private Slf4jAgentLeakProgram() {
    }

    public static void main(String[] args) throws Exception {
        LoggerFactory.getLogger(Slf4jAgentLeakProgram.class).info("the application logs through its own SLF4J");
        AgentLeakProgram.main(args);
    }
}
