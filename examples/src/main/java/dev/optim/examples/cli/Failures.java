package dev.optim.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where the command line turns a failure into a one-line message on standard
 * error and an exit status. {@link #install(CommandLine)} sets it on the top-level command line,
 * so every subcommand, present or added later, gets it without any code of its own:
 *
 * <ul>
 *   <li>a malformed or unknown option (picocli's {@link ParameterException}), a
 *       {@link BadInputException} or an {@link IllegalArgumentException} from the library:
 *       status {@link ExitCodes#BAD_INPUT 2};
 *   <li>an {@link IOException} (or {@link UncheckedIOException}): status
 *       {@link ExitCodes#FAILURE 1}, naming the path and, when the path lies at or under the
 *       value of one of the options given, that option ({@code --out out/x: cannot write
 *       out/x/a.png: permission denied});
 *   <li>anything else (a bug): status 1 and one line; the stack trace only with the environment
 *       variable {@code OPTIM_TRACE=1}.
 * </ul>
 *
 * <p>A new subcommand therefore only throws: a {@link BadInputException} whose message names
 * the option and the value for input it refuses (checked before any work starts, with the bound
 * in the message, so that nothing can run out of memory), and lets I/O exceptions propagate.
 * It is registered in {@code Main}'s {@code subcommands} list and needs nothing else.
 */
public final class Failures {

    private static final String BUG = " (a bug: please report it; OPTIM_TRACE=1 shows the"
            + " stack trace)";

    private Failures() {}

    /**
     * Installs the handlers on {@code cl} (they apply to its subcommands too).
     *
     * @param cl the top-level command line
     * @return {@code cl}
     */
    public static CommandLine install(CommandLine cl) {
        cl.setParameterExceptionHandler(Failures::badParameter);
        cl.setExecutionExceptionHandler(Failures::failed);
        return cl;
    }

    /**
     * The last resort for an {@link Error} that escaped a command (an out-of-memory the bounds
     * did not foresee): one line on {@code err}.
     *
     * @param e the error
     * @param err standard error
     * @return {@link ExitCodes#FAILURE}
     */
    public static int error(Error e, PrintWriter err) {
        err.println("optim: failed: " + oneLine(describe(e)) + BUG);
        trace(e, err);
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static int badParameter(ParameterException e, String[] args) {
        CommandLine c = e.getCommandLine();
        c.getErr().println(oneLine(qualifiedName(c) + ": " + e.getMessage())
                + " (see '" + qualifiedName(c) + " --help')");
        c.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    private static int failed(Exception e, CommandLine c, ParseResult parsed) {
        PrintWriter err = c.getErr();
        String name = qualifiedName(c);
        int code;
        if (e instanceof BadInputException || e instanceof IllegalArgumentException) {
            err.println(oneLine(name + ": " + e.getMessage()));
            code = ExitCodes.BAD_INPUT;
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            err.println(oneLine(name + ": " + io(io, parsed)));
            code = ExitCodes.FAILURE;
        } else {
            err.println(oneLine(name + ": failed: " + describe(e)) + BUG);
            trace(e, err);
            code = ExitCodes.FAILURE;
        }
        err.flush();
        return code;
    }

    /**
     * One line for an I/O failure: the option whose value holds the path (if any), the path, and
     * the reason in words.
     */
    static String io(IOException e, ParseResult parsed) {
        String file = null;
        String reason;
        if (e instanceof FileSystemException f) {
            file = f.getFile();
            if (e instanceof NoSuchFileException) {
                reason = "no such file or folder";
            } else if (e instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (e instanceof FileAlreadyExistsException) {
                reason = "exists and is not a folder";
            } else if (e instanceof NotDirectoryException) {
                reason = "not a folder";
            } else {
                reason = f.getReason() != null ? f.getReason().toLowerCase(java.util.Locale.ROOT)
                        : "cannot be written";
            }
        } else if (e instanceof java.io.FileNotFoundException && e.getMessage() != null
                && e.getMessage().endsWith(")") && e.getMessage().contains(" (")) {
            // java.io's form: "PATH (reason)".
            String m = e.getMessage();
            int cut = m.lastIndexOf(" (");
            file = m.substring(0, cut);
            reason = m.substring(cut + 2, m.length() - 1).toLowerCase(java.util.Locale.ROOT);
        } else if (e instanceof CharacterCodingException) {
            reason = "not UTF-8 text";
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        if (file == null) {
            return reason;
        }
        String[] option = optionFor(file, parsed);
        if (option == null) {
            return "cannot create or write " + file + ": " + reason;
        }
        boolean same = Path.of(option[1]).toAbsolutePath().normalize()
                .equals(Path.of(file).toAbsolutePath().normalize());
        return option[0] + " " + option[1] + ": "
                + (same ? "cannot be created or written: " : "cannot write " + file + ": ")
                + reason;
    }

    /** The option and its value whose path is {@code file} or one of its folders, or null. */
    private static String[] optionFor(String file, ParseResult parsed) {
        if (parsed == null) {
            return null;
        }
        Path target = Path.of(file).toAbsolutePath().normalize();
        List<OptionSpec> options = new ArrayList<>();
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            options.addAll(p.matchedOptions());
        }
        for (OptionSpec o : options) {
            if (o.getValue() instanceof Path v) {
                Path given = v.toAbsolutePath().normalize();
                if (target.startsWith(given) || (given.getParent() != null
                        && target.equals(given.getParent()))) {
                    return new String[] {o.longestName(), v.toString()};
                }
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void trace(Throwable e, PrintWriter err) {
        if ("1".equals(System.getenv("OPTIM_TRACE"))) {
            e.printStackTrace(err);
        }
    }

    private static String qualifiedName(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    static String oneLine(String s) {
        return s.replace("\r", "").replace('\n', ' ').strip();
    }
}
