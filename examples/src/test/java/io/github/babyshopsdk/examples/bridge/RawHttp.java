package io.github.babyshopsdk.examples.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * A raw HTTP/1.1 client on loopback for the receiver's tests: it writes exactly the bytes it is given (so a test can
 * lie about lengths, stall, or trickle) and reads the answer until the server closes the connection.
 */
final class RawHttp {
    /** A hang guard for reads (never an assertion of speed). */
    static final int READ_GUARD_MILLIS = 60_000;

    private RawHttp() {
    }

    /** What came back: the status (0 when the connection was closed without an answer) and the body. */
    record Answer(int status, String head, String body) {
    }

    /** A socket to {@code server}, from {@code from} (another loopback address is another source). */
    static Socket connect(InetSocketAddress server, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(server, READ_GUARD_MILLIS);
        socket.setSoTimeout(READ_GUARD_MILLIS);
        return socket;
    }

    /** A POST to {@code path} with {@code headers} (each "Name: value") and {@code body}, with its Content-Length. */
    static Answer post(InetSocketAddress server, String path, byte[] body, String... headers) throws IOException {
        return exchange(server, "127.0.0.1", "POST", path, body, headers);
    }

    /** One request, Content-Length set from the body, Connection: close. */
    static Answer exchange(InetSocketAddress server, String from, String method, String path, byte[] body,
                           String... headers) throws IOException {
        try (Socket socket = connect(server, from)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, "Content-Length: " + body.length).getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (SocketException e) {
                // the server answered and closed before reading the whole body: read its answer
            }
            return read(socket);
        }
    }

    /** The request line and headers, ending with the blank line. */
    static String head(String method, String path, String[] headers, String... more) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        for (String header : more) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Reads until the server closes the connection; status 0 when nothing came (or the connection was reset). */
    static Answer read(Socket socket) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // reset: what came so far is the answer
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Answer(0, text, "");
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Answer(Integer.parseInt(text.substring(9, 12)), head, body);
    }
}
