package org.socius.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A load generator's HTTP/1.1 client: one kept-alive connection, GET and JSON POST, read to the end
 * of each answer. It does the least work a client can, as {@code wrk} does, so that on a small
 * machine the cores go to the server being measured rather than to the client's own machinery.
 */
final class KeepAliveHttp implements AutoCloseable {

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /**
   * Sends a GET, with one more header line when given (a session's cookie, say), and answers the
   * status and body; reconnects if the server closed the line.
   */
  Response get(String pathAndQuery, String header) throws IOException {
    connect();
    StringBuilder request = new StringBuilder(256);
    request.append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(host).append(':').append(port).append("\r\n");
    if (header != null) {
      request.append(header).append("\r\n");
    }
    request.append("\r\n");
    out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return readResponse();
  }

  /** Sends a GET as {@link #get} does and fails unless the answer is 200. */
  void getOk(String pathAndQuery, String header) throws IOException {
    Response response = get(pathAndQuery, header);
    if (response.status() != 200) {
      throw new IllegalStateException("HTTP " + response.status() + " for " + pathAndQuery);
    }
  }

  /** Sends a POST with a JSON body and answers the status and body. */
  Response postJson(String path, String authorization, String json) throws IOException {
    return post(
        path, authorization, "application/json", null, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends a POST with a body of the type given, one more header line when given (an idempotency
   * key, say), and answers the status and body.
   */
  Response post(String path, String authorization, String type, String header, byte[] body)
      throws IOException {
    connect();
    StringBuilder request = new StringBuilder(256);
    request.append("POST ").append(path).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(host).append(':').append(port).append("\r\n");
    if (authorization != null) {
      request.append("Authorization: ").append(authorization).append("\r\n");
    }
    if (header != null) {
      request.append(header).append("\r\n");
    }
    request.append("Content-Type: ").append(type).append("\r\n");
    request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return readResponse();
  }

  private void connect() throws IOException {
    if (socket == null || socket.isClosed()) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
  }

  record Response(int status, byte[] body) {}

  private Response readResponse() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close");
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    if (chunked) {
      for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
          size > 0;
          size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    }
    if (close) {
      close();
    }
    return new Response(status, body.toByteArray());
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("The server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
