package io.leakwatch.jfr.internal;

import java.util.Locale;

/** A failure of the JDK's parser in one line of words: the exception's type and message, and those of its causes. */
final class ParserFailures {
    /** Messages of the JDK's parser are short; a longer one is cut so the line stays readable. */
    private static final int MAX_MESSAGE_CHARS = 240;
    private static final int MAX_CAUSES = 3;
    private static final String JDK_PARSER_PACKAGE = "jdk.jfr.internal.";

    private ParserFailures() {
    }

    /**
     * Rethrows the errors that say nothing about the file: out of memory, an unknown error of the virtual machine,
     * a stack overflow outside the JDK's parser. {@code InternalError} is a {@code VirtualMachineError} too, but the
     * JDK's parser throws it on malformed constant pools ("Pool java.lang.String must contain at least one
     * element"); and its parser recurses without end, to a {@code StackOverflowError}, on metadata that declares a
     * type containing itself (found by the structure fuzzer): the overflow unwinds out of the parser, whose state
     * is dropped with the stream.
     */
    static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(failure instanceof InternalError)
                && !(failure instanceof StackOverflowError && inParser(failure))) {
            throw fatal;
        }
    }

    private static boolean inParser(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith(JDK_PARSER_PACKAGE);
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(one(failure));
        Throwable cause = failure.getCause();
        for (int i = 0; i < MAX_CAUSES && cause != null && cause != failure; i++) {
            text.append(" (caused by ").append(one(cause)).append(')');
            failure = cause;
            cause = cause.getCause();
        }
        return text.toString();
    }

    private static String one(Throwable failure) {
        if (failure instanceof StackOverflowError && inParser(failure)) {
            StackTraceElement top = failure.getStackTrace()[0];
            return "StackOverflowError in " + top.getClassName() + "." + top.getMethodName()
                    + " (it recursed without end: a type of the chunk's metadata contains itself)";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        if (line.length() > MAX_MESSAGE_CHARS) {
            line = line.substring(0, MAX_MESSAGE_CHARS) + "...";
        }
        return String.format(Locale.ROOT, "%s: %s", failure.getClass().getSimpleName(), line);
    }
}
