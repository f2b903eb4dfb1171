package io.leakwatch.examples.zoo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Leak: a shop behind an embedded Tomcat keeps a cart in the HTTP session of every visitor, and its visitors (here
 * requests on the loopback address without cookies) never come back: each request opens a session that lives for
 * the default 30 minutes (about 0.7 MB/s). The sessions accumulate in the session manager's map.
 */
final class TomcatSessionLeak implements Scenario {
    private final Tomcat tomcat = new Tomcat();
    private final URI shop;

    TomcatSessionLeak() {
        try {
            Path base = Files.createTempDirectory("leakwatch-tomcat");
            base.toFile().deleteOnExit();
            tomcat.setBaseDir(base.toString());
            tomcat.setHostname("127.0.0.1");
            tomcat.setPort(0);
            tomcat.getConnector();
            Context context = tomcat.addContext("", base.toString());
            Tomcat.addServlet(context, "shop", new ShopServlet());
            context.addServletMappingDecoded("/cart", "shop");
            tomcat.start();
            shop = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/cart");
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException("cannot start the embedded Tomcat: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "leak: HTTP sessions of an embedded Tomcat, one per visitor who never comes back";
    }

    @Override
    public String leakingClass() {
        return "TomcatSessionLeak$Cart";
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            visit();
        }
        Churn.allocate(300);
        Thread.sleep(10);
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    private void visit() {
        try {
            HttpURLConnection connection = (HttpURLConnection) shop.toURL().openConnection();
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the shop did not answer", e);
        }
    }

    /** The application's servlet: every visit puts a cart in the visitor's session. */
    static final class ShopServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getSession(true).setAttribute("cart", new Cart());
            response.setContentType("text/plain");
            response.getWriter().write("ok");
        }
    }

    static final class Cart {
        final long[] items = new long[250];
    }
}
