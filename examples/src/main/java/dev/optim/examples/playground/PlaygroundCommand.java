package dev.optim.examples.playground;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code optim playground [--port N] [--bind ADDRESS]}: serves the article's two interactive
 * figures, computed by the library, at {@code http://127.0.0.1:N/}, until Ctrl-C. It binds to
 * the loopback address unless {@code --bind} names another, which it then warns about: the API
 * has no authentication.
 */
@Command(name = "playground", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves the article's interactive figures, computed by Optim, on a local"
                + " web page (until Ctrl-C).")
public final class PlaygroundCommand implements Callable<Integer> {

    /** The default port. */
    public static final int DEFAULT_PORT = 8750;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, paramLabel = "N",
            description = "The port, in [0, 65535]; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Listen on ADDRESS instead of 127.0.0.1 (a warning is printed: anyone"
                    + " who can reach it can use the server).")
    String bind;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "--port must be in [0, 65535], got " + port);
        }
        InetAddress address = InetAddress.getLoopbackAddress();
        PrintWriter err = spec.commandLine().getErr();
        if (bind != null) {
            try {
                address = InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                throw new ParameterException(spec.commandLine(),
                        "--bind '" + bind + "' is not a known address");
            }
            if (!address.isLoopbackAddress()) {
                err.println("warning: listening on " + address.getHostAddress()
                        + ", not only this machine: anyone who can reach it can use the"
                        + " playground (it has no authentication)");
                err.flush();
            }
        }
        PlaygroundServer server = PlaygroundServer.start(address, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "playground-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Optim playground at " + server.url() + " (Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return 0;
    }
}
