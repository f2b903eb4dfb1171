package io.leakwatch.benchmarks.workload;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saturated servlet container: embedded Tomcat on the loopback address serves a small dynamic page, and one client
 * thread (the benchmark's) sends requests back to back on one keep-alive connection. One operation is one request
 * and its whole response. Tomcat's own threads (acceptor, poller, request workers) do the serving, as in a service.
 */
final class ServletRequests implements Workload {
    private static final int MAX_HEADER = 8192;

    private final Tomcat tomcat = new Tomcat();
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];

    ServletRequests() throws IOException, LifecycleException {
        Path base = Files.createTempDirectory("leakwatch-tomcat");
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", InetAddress.getLoopbackAddress().getHostAddress());
        connector.setProperty("maxKeepAliveRequests", "-1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "page", new PageServlet());
        context.addServletMappingDecoded("/page", "page");
        tomcat.start();
        socket = new Socket(InetAddress.getLoopbackAddress(), connector.getLocalPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    @Override
    public long operate(long i) throws IOException {
        out.write(("GET /page?order=" + i + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readResponse();
    }

    /** Reads one response (headers, then a body of Content-Length bytes) and returns its body's length. */
    private long readResponse() throws IOException {
        int filled = 0;
        int headerEnd = -1;
        while (headerEnd < 0) {
            int read = in.read(buffer, filled, MAX_HEADER - filled);
            if (read < 0) {
                throw new IOException("the server closed the connection");
            }
            filled += read;
            headerEnd = indexOfBlankLine(buffer, filled);
            if (headerEnd < 0 && filled == MAX_HEADER) {
                throw new IOException("response headers longer than " + MAX_HEADER + " bytes");
            }
        }
        String headers = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII);
        if (!headers.startsWith("HTTP/1.1 200")) {
            throw new IOException("unexpected response: " + headers.lines().findFirst().orElse(""));
        }
        int length = contentLength(headers);
        int remaining = length - (filled - headerEnd - 4);
        while (remaining > 0) {
            int read = in.read(buffer, 0, Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new IOException("the server closed the connection inside a response");
            }
            remaining -= read;
        }
        return length;
    }

    private static int indexOfBlankLine(byte[] bytes, int length) {
        for (int i = 3; i < length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i - 3;
            }
        }
        return -1;
    }

    private static int contentLength(String headers) throws IOException {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        throw new IOException("no Content-Length in the response");
    }

    @Override
    public void close() throws Exception {
        socket.close();
        tomcat.stop();
        tomcat.destroy();
    }

    /** A small dynamic page: an order with ten computed lines, about 700 bytes. */
    static final class PageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            long order = Long.parseLong(request.getParameter("order"));
            StringBuilder page = new StringBuilder(1024).append("<html><head><title>Order ").append(order)
                    .append("</title></head><body><h1>Order ").append(order).append("</h1><ul>");
            for (int line = 1; line <= 10; line++) {
                long cents = (order * 31 + line * 17) % 10_000;
                page.append("<li>item ").append(line).append(": ").append(cents / 100).append('.')
                        .append(cents % 100 < 10 ? "0" : "").append(cents % 100).append(" EUR</li>");
            }
            page.append("</ul></body></html>");
            byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
