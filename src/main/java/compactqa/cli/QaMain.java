package compactqa.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged application: {@code qa <command>}. Only {@code qa serve} listens
 * for HTTP; every other command runs with the HTTP server and informational logging off, so that
 * it can run beside a serving process and print only its own output.
 */
@QuarkusMain
public final class QaMain {

    private QaMain() {
    }

    public static void main(String... args) {
        // the model files come from jars on the class path: DJL must never try to download anything
        setDefault("ai.djl.offline", "true");
        boolean serve = args.length > 0 && args[0].equals("serve");
        if (!serve) {
            setDefault("quarkus.http.host-enabled", "false");
            setDefault("quarkus.log.console.level", "WARN");
        }
        Quarkus.run(QaCommandLine.class, args);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
