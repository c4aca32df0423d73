package dev.reelwatch.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder in front of a simulator that can be unplugged (its port refuses connections and
 * open ones are cut) and plugged back in on the same port, so clients see the network vanish and return.
 */
final class NetworkCable implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    NetworkCable(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket s = bind(0);
        this.port = s.getLocalPort();
        serve(s);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void unplug() throws IOException {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    synchronized void plugIn() throws IOException {
        if (server == null) {
            serve(bind(port));
        }
    }

    @Override
    public void close() throws IOException {
        unplug();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void serve(ServerSocket s) {
        server = s;
        Thread acceptor = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    if (!register(s, client, upstream)) {
                        // Unplugged between accept and here: this connection must not survive the cut.
                        client.close();
                        upstream.close();
                        return;
                    }
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    return;
                }
            }
        }, "network-cable-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Tracks a connection so unplug() cuts it, unless the cable was unplugged meanwhile. */
    private synchronized boolean register(ServerSocket acceptedBy, Socket client, Socket upstream) {
        if (server != acceptedBy) {
            return false;
        }
        open.add(client);
        open.add(upstream);
        return true;
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // cable cut or peer closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
                open.remove(from);
                open.remove(to);
            }
        }, "network-cable-pipe");
        t.setDaemon(true);
        t.start();
    }
}
